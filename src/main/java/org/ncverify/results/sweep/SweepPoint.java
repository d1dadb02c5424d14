package org.ncverify.results.sweep;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import org.ncverify.instance.Instance;

/**
 * One point of a sweep: its index in the product order of {@link SweepGrid}, the value of every
 * axis (in {@link Axis} order; exact decimals) and the instance they make.
 *
 * @param index      0-based position in the sweep
 * @param parameters axis values, in axis order (unmodifiable)
 * @param instance   the validated instance
 */
public record SweepPoint(long index, Map<Axis, BigDecimal> parameters, Instance instance) {
    public SweepPoint {
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(instance, "instance");
    }
}
