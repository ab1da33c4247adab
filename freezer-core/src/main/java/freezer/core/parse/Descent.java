package freezer.core.parse;

import freezer.core.lexer.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The way down from a rule to the token that starts it, when that token alone decides every step:
 * each OR takes its first alternative that may start with it, each AND and list rule goes into
 * its first part, and the way ends in an OR that matches the token itself. Between {@code test}
 * and a name there are 17 such levels, which the {@link Parser} would otherwise walk one loop step
 * each, down and up again.
 *
 * <p>It holds the frames the parser pushes on the way down (the levels' own, to come back to),
 * and, for each token that may follow, how many levels stay: the levels below them would end as
 * soon as the token's node comes back (an OR passes it through, an AND_IDENT whose other parts are
 * optional and cannot start with the next token drops them, a list whose separator cannot starts
 * no second item), leaving that node as their only result. Taking a descent therefore pushes the
 * same frames and the same result in the same order as the step-by-step walk, and raises the same
 * errors.
 */
final class Descent {
    /** Not a descent: the token does not decide the way down alone, or the rule cannot start with it. */
    static final Descent NONE = new Descent(null, new Rule[0], new int[0], new int[0], new byte[0]);

    private static final int MAX_LEVELS = 64;

    private final Rule bottom;
    private final Rule[] frameRules;
    private final int[] frameArgs;
    /** The level that pushes each frame; levels count from 0, the rule the descent starts at. */
    private final int[] frameLevels;
    /** By next token ordinal: the number of levels that stay on the stack. */
    private final byte[] levelsKept;

    private Descent(Rule bottom, Rule[] frameRules, int[] frameArgs, int[] frameLevels, byte[] levelsKept) {
        this.bottom = bottom;
        this.frameRules = frameRules;
        this.frameArgs = frameArgs;
        this.frameLevels = frameLevels;
        this.levelsKept = levelsKept;
    }

    /** The OR rule that matches the token: the rule its node is pushed for. */
    Rule bottom() {
        return bottom;
    }

    int frames() {
        return frameRules.length;
    }

    Rule frameRule(int f) {
        return frameRules[f];
    }

    int frameArg(int f) {
        return frameArgs[f];
    }

    int frameLevel(int f) {
        return frameLevels[f];
    }

    /** How many levels, from the top, stay on the stack when {@code next} follows the token. */
    int levelsKept(TokenKind next) {
        return levelsKept[next.ordinal()];
    }

    /** Follows the parser's choices from {@code start} on {@code token}; {@link #NONE} if not all are forced. */
    static Descent of(Rule start, TokenKind token) {
        List<Rule> levels = new ArrayList<>();
        List<Rule> frameRules = new ArrayList<>();
        List<Integer> frameArgs = new ArrayList<>();
        List<Integer> frameLevels = new ArrayList<>();
        Rule rule = start;
        while (true) {
            if (levels.size() == MAX_LEVELS) {
                return NONE;
            }
            int level = levels.size();
            levels.add(rule);
            Rule child = null;
            int resume = 0;
            if (rule.kind() == Rule.Kind.OR) {
                for (int i = 0; i < rule.size() && child == null; i++) {
                    Rule.Part part = rule.part(i);
                    if (!part.mayStartWith(token)) {
                        continue;
                    }
                    if (part.isToken()) {
                        return build(levels, frameRules, frameArgs, frameLevels);
                    }
                    child = part.rule();
                    // the OR comes back to try the next alternative only if there is one
                    resume = i + 1 < rule.size() ? i + 1 : 0;
                }
                if (child == null) {
                    return NONE;
                }
            } else {
                Rule.Part first = rule.part(0);
                if (first.isToken() || first.optional() || !first.mayStartWith(token)) {
                    return NONE;
                }
                child = first.rule();
                resume = 1;
            }
            if (resume > 0) {
                frameRules.add(rule);
                frameArgs.add(resume);
                frameLevels.add(level);
            }
            rule = child;
        }
    }

    private static Descent build(List<Rule> levels, List<Rule> frameRules, List<Integer> frameArgs,
            List<Integer> frameLevels) {
        TokenKind[] kinds = TokenKind.values();
        byte[] kept = new byte[kinds.length];
        for (TokenKind next : kinds) {
            // the bottom OR always ends with the token; climb while each level ends too
            int keep = levels.size() - 1;
            while (keep > 0 && endsWithOneResult(levels.get(keep - 1), next)) {
                keep--;
            }
            kept[next.ordinal()] = (byte) keep;
        }
        int n = frameRules.size();
        int[] args = new int[n];
        int[] at = new int[n];
        for (int f = 0; f < n; f++) {
            args[f] = frameArgs.get(f);
            at[f] = frameLevels.get(f);
        }
        return new Descent(levels.get(levels.size() - 1), frameRules.toArray(new Rule[0]), args, at, kept);
    }

    /**
     * Whether {@code rule}, its first part just matched with one result, ends at once with that
     * result as its own when {@code next} is the next token.
     */
    private static boolean endsWithOneResult(Rule rule, TokenKind next) {
        switch (rule.kind()) {
            case OR:
                return true;
            case AND_IDENT:
                for (int i = 1; i < rule.size(); i++) {
                    Rule.Part part = rule.part(i);
                    if (part.isToken() || !part.optional() || part.mayStartWith(next)) {
                        return false;
                    }
                }
                return true;
            case LIST:
            case LIST_WITH_END:
                return !rule.part(1).mayStartWith(next);
            case ONE_OR_MORE:
                return !rule.part(0).mayStartWith(next);
            default:
                // AND and AND_BLANK rules build a node of their own
                return false;
        }
    }
}
