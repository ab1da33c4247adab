package freezer.core.num;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BigDigitsTest {
    private static final String DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";

    /** Lengths on both sides of every split point the recursion takes, in each radix Python has. */
    @ParameterizedTest
    @ValueSource(ints = {2, 8, 10, 16, 36})
    void agreesWithBigIntegerAroundEverySplit(int radix) {
        Random random = new Random(radix);
        for (int n : new int[] {1, 9, 1023, 1024, 1025, 2047, 2048, 2049, 4095, 4096, 4097, 5000, 9999, 20_000}) {
            StringBuilder s = new StringBuilder("xx");
            for (int i = 0; i < n; i++) {
                s.append(DIGITS.charAt(random.nextInt(radix)));
            }
            s.append("yy");
            assertThat(BigDigits.parse(s, 2, 2 + n, radix))
                    .as("%d digits in radix %d", n, radix)
                    .isEqualTo(new BigInteger(s.substring(2, 2 + n), radix));
        }
    }
}
