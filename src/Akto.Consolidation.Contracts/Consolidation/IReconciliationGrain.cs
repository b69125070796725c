namespace Akto.Consolidation.Contracts.Consolidation;

/// <summary>
/// 对账 (any key; use 0; stateless): recomputes a scope's trees from the units' current versions, compares every node and
/// every unit's contribution, repairs differences (units resend, nodes resend bottom-up) and reports what it found and
/// what is left. Run nightly by the silo's job, on request by the bureau, and by a scope's repair after a crash.
/// </summary>
public interface IReconciliationGrain : IGrainWithIntegerKey
{
    Task<ReconciliationReport> ReconcileAsync(int year, ConsolidationScope scope);
}
