using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Units;
using Akto.Consolidation.Domain.Documents;

namespace Akto.Consolidation.Silo.Hosting;

/// <summary>
/// On the first start in embedded mode, submits the seed unit(s) shipped in <c>seeds/{year}/*.budget.json</c>, so a new
/// user sees real data at once. A unit that already has a version is left alone.
/// </summary>
public sealed partial class SeedLoader(IGrainFactory grains, AktoSettings settings, ILogger<SeedLoader> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "seeds");
        if (settings.Mode != StorageMode.Embedded || !settings.LoadSeed || !Directory.Exists(folder))
        {
            return;
        }

        foreach (var path in Directory.EnumerateFiles(folder, "*.budget.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var read = BudgetDocumentReader.Read(await File.ReadAllBytesAsync(path, cancellationToken));
            if (read.Document is not { } document)
            {
                LogUnreadable(path);
                continue;
            }

            var unit = grains.GetBudgetUnit(document.Year, document.UnitCode);
            if ((await unit.GetStatusAsync()).CurrentVersion is not null)
            {
                continue;
            }

            var result = await unit.SubmitAsync(new BudgetSubmission(document, "system", "载入示例数据 (seed data)", $"seed:{Path.GetFileName(path)}"));
            LogLoaded(document.UnitCode, document.Year, result.Outcome);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Seed unit {UnitCode} ({Year}) loaded: {Outcome}")]
    private partial void LogLoaded(string unitCode, int year, SubmissionOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seed file {Path} is not a readable budget document")]
    private partial void LogUnreadable(string path);
}
