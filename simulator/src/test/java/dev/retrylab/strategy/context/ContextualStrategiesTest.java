package dev.retrylab.strategy.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrylab.strategy.Classification;
import dev.retrylab.strategy.FailureKind;
import dev.retrylab.strategy.retry.RetryPolicy;
import org.junit.jupiter.api.Test;

class ContextualStrategiesTest {

    private static final RetryPolicy DATABASE = RetryPolicy.builder().maxAttempts(5)
            .classification(Classification.builder().retry(FailureKind.LOCK_TIMEOUT).build()).build();
    private static final RetryPolicy API = RetryPolicy.builder().maxAttempts(2)
            .classification(Classification.builder().neverRetry(FailureKind.CONFLICT).build()).build();
    private static final DependencyStrategy FALLBACK_DEFAULT = DependencyStrategy.of(
            RetryPolicy.builder().maxAttempts(1).build());

    private enum Dependency { DATABASE, PAYMENTS, MODEL }

    @Test
    void forContext_registeredName_returnsItsStrategy() {
        ContextualStrategies<String> strategies = ContextualStrategies.builder()
                .register("database", DATABASE)
                .register("api", API)
                .build();

        assertThat(strategies.forContext("database").retry()).isSameAs(DATABASE);
        assertThat(strategies.forContext("database").classification()).isSameAs(DATABASE.classification());
        assertThat(strategies.forContext("api").retry().maxAttempts()).isEqualTo(2);
        assertThat(strategies.forContext("api").classification().isRetryable(FailureKind.CONFLICT)).isFalse();
        assertThat(strategies.isRegistered("api")).isTrue();
        assertThat(strategies.contexts()).containsExactlyInAnyOrder("database", "api");
    }

    @Test
    void forContext_unknownName_returnsTheDefault() {
        ContextualStrategies<String> strategies = ContextualStrategies.builder()
                .register("database", DATABASE)
                .defaultStrategy(FALLBACK_DEFAULT)
                .build();

        assertThat(strategies.forContext("model")).isSameAs(FALLBACK_DEFAULT);
        assertThat(strategies.forContext("Database")).as("names are case-sensitive").isSameAs(FALLBACK_DEFAULT);
        assertThat(strategies.isRegistered("model")).isFalse();
    }

    @Test
    void forContext_noDefaultGiven_usesTheDefaultRetryPolicy() {
        ContextualStrategies<String> strategies = ContextualStrategies.builder().build();

        assertThat(strategies.forContext("anything").retry()).isSameAs(RetryPolicy.defaults());
        assertThat(strategies.defaultStrategy().classification()).isSameAs(Classification.defaults());
    }

    @Test
    void forContext_enumKeys_lookUpByConstant() {
        DependencyStrategy model = new DependencyStrategy(API, Classification.defaults());
        ContextualStrategies<Dependency> strategies = ContextualStrategies.builder(Dependency.class)
                .register(Dependency.MODEL, model)
                .register(Dependency.DATABASE, DATABASE)
                .build();

        assertThat(strategies.forContext(Dependency.MODEL)).isSameAs(model);
        assertThat(strategies.forContext(Dependency.PAYMENTS)).isSameAs(strategies.defaultStrategy());
    }

    @Test
    void register_duplicateName_throwsNamingIt() {
        ContextualStrategies.Builder<String> builder = ContextualStrategies.builder().register("database", DATABASE);

        assertThatThrownBy(() -> builder.register("database", API))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("context 'database' is already registered; each context has exactly one strategy");
    }

    @Test
    void register_blankName_throws() {
        ContextualStrategies.Builder<String> builder = ContextualStrategies.builder();

        assertThatThrownBy(() -> builder.register("", API))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("context name must not be blank, was ''");
        assertThatThrownBy(() -> builder.register(" \t", API))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be blank");
        assertThatThrownBy(() -> builder.register(null, API)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void contexts_afterBuild_cannotBeChangedNorAffectedByTheBuilder() {
        ContextualStrategies.Builder<String> builder = ContextualStrategies.builder().register("database", DATABASE);
        ContextualStrategies<String> strategies = builder.build();
        builder.register("api", API);

        assertThat(strategies.isRegistered("api")).isFalse();
        assertThatThrownBy(() -> strategies.contexts().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void dependencyStrategy_missingParts_throw() {
        assertThatThrownBy(() -> new DependencyStrategy(null, Classification.defaults()))
                .isInstanceOf(NullPointerException.class).hasMessage("retry");
        assertThatThrownBy(() -> new DependencyStrategy(API, null))
                .isInstanceOf(NullPointerException.class).hasMessage("classification");
    }
}
