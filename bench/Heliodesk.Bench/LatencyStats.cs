namespace Heliodesk.Bench;

/// <summary>
/// Exact latency statistics over the full sample (no histogram approximation): at the
/// request counts this bench uses (tens of thousands to a million) sorting a double[] is
/// cheap, and exact values make runs comparable without worrying about bucket error.
/// </summary>
public sealed class LatencyStats
{
    private readonly double[] _sorted;

    public LatencyStats(IEnumerable<double> samplesMs)
    {
        ArgumentNullException.ThrowIfNull(samplesMs);
        _sorted = [.. samplesMs];
        Array.Sort(_sorted);
        foreach (var value in _sorted)
        {
            // NaN would sort to the front and silently become "min"; refuse it instead.
            if (double.IsNaN(value) || value < 0)
            {
                throw new ArgumentException("Latency samples must be non-negative numbers.", nameof(samplesMs));
            }
        }
    }

    public int Count => _sorted.Length;

    public bool IsEmpty => _sorted.Length == 0;

    public double Min => NonEmpty()[0];

    public double Max => NonEmpty()[^1];

    public double Mean => NonEmpty().Average();

    /// <summary>
    /// Nearest-rank percentile: the smallest sample such that at least p% of samples are
    /// less than or equal to it, i.e. sorted[ceil(p/100 * n) - 1]. Always returns a value
    /// that was actually observed (no interpolation), which is what "p99 was X ms" should mean.
    /// </summary>
    /// <param name="percentile">In the range [0, 100]; 0 returns the minimum.</param>
    public double Percentile(double percentile)
    {
        if (double.IsNaN(percentile) || percentile < 0 || percentile > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(percentile), percentile, "Must be between 0 and 100.");
        }

        var sorted = NonEmpty();
        // Multiply before dividing so integer percentiles of integer counts stay exact
        // (0.95 * 100 is not exactly 95 in binary floating point, 95 * 100 / 100 is).
        var rank = (long)Math.Ceiling(percentile * sorted.Length / 100.0);
        var index = (int)Math.Clamp(rank - 1, 0, sorted.Length - 1);
        return sorted[index];
    }

    private double[] NonEmpty() =>
        _sorted.Length > 0 ? _sorted : throw new InvalidOperationException("No latency samples were recorded.");
}
