package freezer.core.num;

/**
 * A float or imaginary literal's value: a float when {@code complex} is false, else the
 * complex number {@code real + imag*j}.
 */
public record ParsedDecimal(double real, double imag, boolean complex) {
}
