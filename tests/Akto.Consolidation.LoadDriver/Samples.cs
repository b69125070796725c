using System.Diagnostics;

namespace Akto.Consolidation.LoadDriver;

/// <summary>Latencies in milliseconds, recorded one by one (thread-safe); percentiles are exact (nearest rank) over every sample.</summary>
public sealed class Samples
{
    private readonly List<double> _values = [];
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _values.Count;
            }
        }
    }

    public void Add(double milliseconds)
    {
        lock (_gate)
        {
            _values.Add(milliseconds);
        }
    }

    /// <summary>Records the time since a <see cref="Stopwatch.GetTimestamp"/>.</summary>
    public void AddSince(long startTimestamp) => Add(Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds);

    /// <summary>The nearest-rank percentile (<paramref name="p"/> in 0–100), or null without samples.</summary>
    public double? Percentile(double p)
    {
        lock (_gate)
        {
            if (_values.Count == 0)
            {
                return null;
            }

            var sorted = _values.Order().ToArray();
            var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
            return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
        }
    }

    public double? P50 => Percentile(50);

    public double? P99 => Percentile(99);
}
