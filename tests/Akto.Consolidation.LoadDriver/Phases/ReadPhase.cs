using System.Diagnostics;

namespace Akto.Consolidation.LoadDriver.Phases;

/// <summary>Latency of one kind of read and the size of its last response.</summary>
public sealed record ReadResult(string What, Samples Latency, long Bytes);

/// <summary>
/// Sequential reads by one client after a short warm-up (not recorded: 5 tree reads, 1 read of the tables, which may
/// take seconds), until the time or the count is used up: the county function tree to depth 3, and the county's
/// tables 1–11 as JSON.
/// </summary>
public static class ReadPhase
{
    public static Task<ReadResult> CountyTreeAsync(AktoHttp http, TimeSpan duration, int maxReads, CancellationToken cancellationToken) =>
        RunAsync("county function tree, depth 3", 5, duration, maxReads, ct => http.GetTreeLengthAsync("county", 3, ct), cancellationToken);

    public static Task<ReadResult> CountyTablesAsync(AktoHttp http, TimeSpan duration, int maxReads, CancellationToken cancellationToken) =>
        RunAsync("county tables 1–11 (JSON)", 1, duration, maxReads, ct => http.GetDisclosureAsync("county", ct), cancellationToken);

    private static async Task<ReadResult> RunAsync(string what, int warmUps, TimeSpan duration, int maxReads, Func<CancellationToken, Task<long>> read, CancellationToken cancellationToken)
    {
        long bytes = 0;
        for (var i = 0; i < warmUps; i++)
        {
            bytes = await read(cancellationToken);
        }

        var samples = new Samples();
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        while (samples.Count < maxReads && Stopwatch.GetTimestamp() < end)
        {
            var start = Stopwatch.GetTimestamp();
            bytes = await read(cancellationToken);
            samples.AddSince(start);
        }

        return new ReadResult(what, samples, bytes);
    }
}
