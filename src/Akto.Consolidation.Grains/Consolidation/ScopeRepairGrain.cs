using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Consolidation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Akto.Consolidation.Grains.Consolidation;

/// <summary>
/// Runs the reconciliation of one scope when its nodes ask (see <see cref="IScopeRepairGrain"/>): waits
/// <see cref="ConsolidationOptions.RepairDelay"/> for the other requests of the same crash, reconciles, and reconciles
/// once more if requests came in meanwhile. A failed reconciliation is retried a few times, then left to the nightly job.
/// Nothing is reconciled before the silo is active or once it is stopping (<see cref="SiloActivity"/>): a repair asked
/// for then is the next start's or the nightly job's.
/// </summary>
[Reentrant]
public sealed class ScopeRepairGrain(IOptions<ConsolidationOptions> options, SiloActivity silo, ILogger<ScopeRepairGrain> logger) : Grain, IScopeRepairGrain
{
    private const int MaxAttempts = 5;
    private readonly ConsolidationOptions _options = options.Value;
    private int _year;
    private ConsolidationScope _scope = ConsolidationScope.County;
    private bool _pending;
    private bool _running;
    private bool _deactivating;
    private long _requests;
    private long _repairs;
    private string? _lastReason;
    private ReconciliationReport? _lastReport;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (year, parts) = GrainKeys.Split(this.GetPrimaryKeyString(), 2);
        _year = year;
        _scope = ConsolidationScope.Parse(parts[0]);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // The repair loop runs beside the grain's calls: it must not touch the grain once the activation is gone (a silo
        // shutting down). A repair not run is the nightly reconciliation's, or the next crash-restart's.
        _deactivating = true;
        return Task.CompletedTask;
    }

    public Task RequestAsync(string reason)
    {
        _requests++;
        _lastReason = reason;
        _pending = true;
        if (!_running)
        {
            _running = true;
            RunAsync().Ignore();
        }

        return Task.CompletedTask;
    }

    public Task<ScopeRepairStatus> GetStatusAsync() =>
        Task.FromResult(new ScopeRepairStatus(_requests, _repairs, _running, _lastReason, _lastReport));

    private async Task RunAsync()
    {
        try
        {
            var attempts = 0;
            while (_pending && attempts < MaxAttempts && !_deactivating)
            {
                // A repair is work in progress even when no call is: keep the activation until it is done.
                DelayDeactivation(TimeSpan.FromMinutes(10));
                await silo.WhenActiveAsync();
                await Task.Delay(_options.RepairDelay, silo.Stopping);
                if (_deactivating)
                {
                    break;
                }

                _pending = false;
                try
                {
                    _lastReport = await GrainFactory.GetReconciliation().ReconcileAsync(_year, _scope);
                    _repairs++;
                    attempts = 0;
                    logger.LogInformation(
                        "Repaired {Year} {Scope} ({Reason}): {Differences} differences, {Units} units republished, exact: {Exact}",
                        _year,
                        _scope,
                        _lastReason,
                        _lastReport.Differences.Length,
                        _lastReport.UnitsRepublished.Length,
                        _lastReport.Exact);
                }
                catch (Exception) when (silo.Stopping.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception exception)
                {
                    attempts++;
                    _pending = true;
                    logger.LogWarning(exception, "Repair of {Year} {Scope} failed (attempt {Attempt} of {Max})", _year, _scope, attempts, MaxAttempts);
                }
            }
        }
        catch (OperationCanceledException) when (silo.Stopping.IsCancellationRequested)
        {
            logger.LogInformation("Repair of {Year} {Scope} left to the next start or the nightly reconciliation: the silo is stopping", _year, _scope);
        }
        finally
        {
            _running = false;
        }
    }
}
