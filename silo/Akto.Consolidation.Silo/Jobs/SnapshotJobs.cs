using System.Globalization;
using Akto.Consolidation.Application.Snapshots;
using Akto.Consolidation.Contracts;
using Hangfire;
using Hangfire.Server;
using Mediator;

namespace Akto.Consolidation.Silo.Jobs;

/// <summary>Settings of the snapshot reports (section <c>Akto:Snapshots</c>).</summary>
public sealed record SnapshotSettings
{
    /// <summary>Cron of <c>nightly-disclosure</c> (<c>Akto:Snapshots:Cron</c>), in <see cref="TimeZone"/>.</summary>
    public string Cron { get; init; } = "0 2 * * *";

    /// <summary>IANA time zone of the cron (<c>Akto:Snapshots:TimeZone</c>).</summary>
    public string TimeZone { get; init; } = "Asia/Shanghai";

    /// <summary>Budget years the nightly job snapshots (<c>Akto:Snapshots:Years</c>); default: the reconciliation's years.</summary>
    public IReadOnlyList<int> Years { get; init; } = [];

    /// <summary>Which versions the nightly job shows (<c>Akto:Snapshots:Versions</c>: approved or latest).</summary>
    public SnapshotVersions Versions { get; init; } = SnapshotVersions.Approved;

    /// <summary>
    /// Retention (<c>Akto:Snapshots:KeepDays</c>): unpublished nightly snapshots completed more than this many days ago are
    /// deleted, except the newest completed snapshot of each year, scope and versions; null keeps everything. Published
    /// snapshots and those somebody asked for are never deleted.
    /// </summary>
    public int? KeepDays { get; init; }

    /// <summary>
    /// What every unit, department and the county is rendered to (<c>Akto:Snapshots:Formats</c>, comma-separated: json, csv,
    /// md, html, xlsx, pdf); default everything but pdf, which prints each document with Chromium (seconds per document).
    /// </summary>
    public IReadOnlyList<Reporting.DisclosureFormat> Formats { get; init; } = Application.Snapshots.SnapshotRendering.DefaultFormats;

    /// <summary>Files stored per transaction (<c>Akto:Snapshots:BatchFiles</c>).</summary>
    public int BatchFiles { get; init; } = 48;

    /// <summary>Test seam only (<c>Akto:Snapshots:FailAfterFiles</c>): fail each snapshot's first run after this many files.</summary>
    public int? FailAfterFiles { get; init; }

    public static SnapshotSettings From(IConfiguration configuration, Hosting.AktoSettings akto)
    {
        var section = configuration.GetSection("Akto:Snapshots");
        var defaults = new SnapshotSettings();
        var versions = section["Versions"];
        var parsed = defaults.Versions;
        if (versions is not null && !SnapshotVersionsText.TryParse(versions, out parsed))
        {
            throw new InvalidOperationException($"Akto:Snapshots:Versions '{versions}' must be approved or latest.");
        }

        var keepDays = section.GetValue<int?>("KeepDays");
        if (keepDays < 0)
        {
            throw new InvalidOperationException($"Akto:Snapshots:KeepDays must be 0 or more days (is {keepDays}).");
        }

        var formats = defaults.Formats;
        if (section["Formats"] is { Length: > 0 } formatText)
        {
            var listed = new List<Reporting.DisclosureFormat>();
            foreach (var name in formatText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!Reporting.PublishedAmount.TryParseDocumentFormat(name, out var format))
                {
                    throw new InvalidOperationException($"Akto:Snapshots:Formats: '{name}' is not one of json, csv, md, html, xlsx, pdf.");
                }

                if (!listed.Contains(format))
                {
                    listed.Add(format);
                }
            }

            formats = listed.Count > 0 ? listed : throw new InvalidOperationException("Akto:Snapshots:Formats names no format.");
        }

        return new SnapshotSettings
        {
            Formats = formats,
            Cron = section["Cron"] ?? defaults.Cron,
            TimeZone = section["TimeZone"] ?? defaults.TimeZone,
            Years = section["Years"] is { Length: > 0 } years
                ? [.. years.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(y => int.Parse(y, CultureInfo.InvariantCulture))]
                : akto.ReconcileYears,
            Versions = parsed,
            KeepDays = keepDays,
            BatchFiles = Math.Max(1, section.GetValue("BatchFiles", defaults.BatchFiles)),
            FailAfterFiles = section.GetValue<int?>("FailAfterFiles"),
        };
    }
}

/// <summary>
/// The Hangfire entry point of one snapshot's run. A failed run is retried soon on the same snapshot row; Hangfire's
/// distributed lock keeps two snapshot runs (on any silo) from overlapping.
/// </summary>
public sealed class SnapshotJob(SnapshotRunner runner, ILogger<SnapshotJob> logger)
{
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [1, 5, 30])]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task RunAsync(string snapshotId, PerformContext? context, CancellationToken cancellationToken)
    {
        await runner.RunAsync(snapshotId, progress =>
        {
            // Shown on the job's page of the Hangfire dashboard.
            context?.SetJobParameter("progress", $"{progress.Done}/{progress.Total}");
        }, cancellationToken);
        logger.LogInformation("Snapshot {SnapshotId} written", snapshotId);
    }
}

/// <summary>Queues snapshot runs on Hangfire.</summary>
public sealed class HangfireSnapshotScheduler(IBackgroundJobClient jobs, Hosting.AktoSettings settings) : ISnapshotScheduler
{
    public void Enqueue(string snapshotId) => jobs.Enqueue<SnapshotJob>(settings.JobQueue, job => job.RunAsync(snapshotId, null, CancellationToken.None));
}

/// <summary>
/// The recurring job <c>nightly-disclosure</c> (02:00 Asia/Shanghai by default): for every configured year with units, a
/// county snapshot of the configured versions — a new one only when the cut changed — and then retention, when set.
/// </summary>
public sealed class NightlyDisclosureJob(IMediator mediator, ISnapshotStore store, SnapshotSettings settings) : IScheduledJob
{
    public const string JobId = "nightly-disclosure";

    public async Task<JobRunResult> RunAsync(CancellationToken cancellationToken)
    {
        var notes = new List<string>();
        int years = 0, created = 0;

        // Retention first, while every earlier snapshot is finished: the newest completed one of each cut is always kept.
        if (settings.KeepDays is { } days)
        {
            var deleted = await store.DeleteUnpublishedAsync(RequestSnapshotCommand.ScheduleTrigger, DateTimeOffset.UtcNow.AddDays(-days), cancellationToken);
            notes.Add($"保留 {days} 天：删除未公开的定时快照 {deleted} 个 (retention)");
        }

        foreach (var year in settings.Years)
        {
            // The request reads the year's cut and answers null when the county has no units.
            var requested = await mediator.Send(
                new RequestSnapshotCommand(year, ConsolidationScope.CountyKey, settings.Versions.ToText(), RequestSnapshotCommand.ScheduleTrigger, JobId),
                cancellationToken);
            if (requested is null)
            {
                continue;
            }

            years++;
            created += requested.Unchanged ? 0 : 1;
            notes.Add(requested.Unchanged ? $"{year}: 截面未变，沿用快照 {requested.Id} (unchanged)" : $"{year}: 快照 {requested.Id} 已排队 (queued)");
        }

        return new JobRunResult(years, created, 0, notes.Count == 0 ? "没有需要快照的年度 (no year with units)" : string.Join("; ", notes));
    }
}

/// <summary>Snapshots print their PDFs with the host's one Chromium printer (<c>Akto:Snapshots:Formats</c> with pdf).</summary>
public sealed class ChromiumSnapshotPrinter(Reporting.Pdf.ChromiumPdfPrinter printer) : ISnapshotPdfPrinter
{
    public Task<byte[]> PrintAsync(Reporting.Document.DisclosureDocument document, CancellationToken cancellationToken) =>
        printer.PrintAsync(document, cancellationToken);
}
