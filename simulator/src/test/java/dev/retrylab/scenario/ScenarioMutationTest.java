package dev.retrylab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.retrylab.model.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Damages the bundled scenario files and the broken corpus at random (seeded) and checks the
 * loader's contract on each result: a valid scenario, or a {@link ScenarioException} whose errors
 * all point at a line — never another exception. A failure names the seed and the damaged text;
 * {@code -Dretrylab.mutationFirstSeed=N -Dretrylab.mutationSeeds=1} replays seed N alone.
 */
class ScenarioMutationTest {

    private static final int FIRST_SEED = Integer.getInteger("retrylab.mutationFirstSeed", 0);
    private static final int SEEDS = Integer.getInteger("retrylab.mutationSeeds", 400);
    private static final String[] GARBAGE = {"", "-1", "0", "abc", "1e309", "NaN", "-Infinity", "[1, 2]", "{a: 1}",
        "~", "null", "99999999999999999999", "1.5", "0ms", "-5s", "100%", "150%", "0%", "1/0", "0/s", "5 parsecs",
        "*alias", "&anchor x", "!!binary AAAA", "'", "\"", "|", ">", "- x", "? x", "@", "`", "%", "\t", "{", "]",
        "2562047h", "9223372036854775807ns", "0.0000001ns", "1_000", "true", "yes", "µs", "hang", "api", "[]", "{}",
        "{exponential: 0ms}", "{uniform: [3ms, 1ms]}", "{mixture: {p: 2, a: 1ms, b: 1ms}}", "aws-standard",
        "{extends: grpc-throttled}", "{extends: aws-standard, budget: ~}", "{type: token-bucket, preset: x}"};
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    private static final String CHARACTERS = "abcxyz019 :-,[]{}#&*!|>'\"%@`?\t\n.%/_µ";

    @Test
    void damagedFiles_giveAScenarioOrLocatedErrors_neverAnotherException() throws IOException {
        List<Path> files = new ArrayList<>(BundledScenarios.all());
        files.addAll(BrokenScenarioCorpusTest.files());
        List<String> texts = new ArrayList<>();
        for (Path file : files) {
            texts.add(Files.readString(file));
        }
        int valid = 0;
        int invalid = 0;
        for (int seed = FIRST_SEED; seed < FIRST_SEED + SEEDS; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int which = random.nextInt(texts.size());
            String damaged = texts.get(which);
            int mutations = 1 + random.nextInt(3);
            for (int i = 0; i < mutations; i++) {
                damaged = mutate(damaged, random);
            }
            String name = files.get(which).getFileName().toString();
            try {
                Scenario scenario = ScenarioLoader.parse(name, damaged);
                assertThat(scenario.strategies()).isNotEmpty();
                scenario.strategies().values().forEach(factory -> factory.create(() -> 0L));
                scenario.calls().forEach(call -> call.strategy().create(() -> 0L));
                valid++;
            } catch (ScenarioException e) {
                invalid++;
                assertThat(e.errors()).as("seed %d", seed).isNotEmpty();
                for (ScenarioError error : e.errors()) {
                    assertThat(error.file()).as("seed %d: %s", seed, error).isEqualTo(name);
                    assertThat(error.line()).as("seed %d: %s", seed, error).isPositive();
                    assertThat(error.column()).as("seed %d: %s", seed, error).isPositive();
                    assertThat(error.message()).as("seed %d: %s", seed, error).isNotBlank().doesNotContain("\n");
                }
            } catch (RuntimeException | Error e) {
                fail("seed " + seed + " (" + name + ", " + mutations + " mutations) threw " + e
                        + "\n--- damaged text ---\n" + damaged, e);
            }
        }
        if (SEEDS >= 100) {
            // a replay of a few seeds proves nothing about the mix; a full run must see both outcomes
            assertThat(valid).as("some damage leaves a valid scenario (seeds %d..%d)", FIRST_SEED,
                    FIRST_SEED + SEEDS - 1).isPositive();
            assertThat(invalid).as("most damage is reported (seeds %d..%d)", FIRST_SEED, FIRST_SEED + SEEDS - 1)
                    .isGreaterThan(SEEDS / 2);
        }
    }

    private static String mutate(String text, SplittableRandom random) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int line = random.nextInt(lines.size());
        switch (random.nextInt(7)) {
            case 0 -> lines.remove(line);
            case 1 -> lines.add(line, lines.get(line));
            case 2 -> {
                String target = lines.get(line);
                int at = target.isEmpty() ? 0 : random.nextInt(target.length());
                char c = CHARACTERS.charAt(random.nextInt(CHARACTERS.length()));
                lines.set(line, target.isEmpty() ? String.valueOf(c)
                        : target.substring(0, at) + c + target.substring(at + 1));
            }
            case 3 -> {
                int other = random.nextInt(lines.size());
                String a = lines.get(line);
                String b = lines.get(other);
                int colonA = valueStart(a);
                int colonB = valueStart(b);
                if (colonA > 0 && colonB > 0) {
                    lines.set(line, a.substring(0, colonA) + b.substring(colonB));
                    lines.set(other, b.substring(0, colonB) + a.substring(colonA));
                }
            }
            case 4 -> {
                return text.substring(0, random.nextInt(text.length() + 1));
            }
            case 5 -> {
                String target = lines.get(line);
                int colon = valueStart(target);
                List<String> words = words(text);
                if (colon > 0 && !words.isEmpty()) {
                    lines.set(line, target.substring(0, colon) + " " + words.get(random.nextInt(words.size())));
                }
            }
            default -> {
                String target = lines.get(line);
                int colon = valueStart(target);
                if (colon > 0) {
                    lines.set(line, target.substring(0, colon) + " " + GARBAGE[random.nextInt(GARBAGE.length)]);
                }
            }
        }
        return String.join("\n", lines);
    }

    /**
     * The names and words of the file (services, strategies, kinds, …): written as a value
     * elsewhere they make references to the wrong thing, duplicates and cycles.
     */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }

    /** The index just after the first {@code ": "} of a line, or -1. */
    private static int valueStart(String line) {
        int colon = line.indexOf(": ");
        return colon < 0 ? -1 : colon + 1;
    }
}
