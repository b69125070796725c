using Akto.Consolidation.LoadDriver.Data;

namespace Akto.Consolidation.LoadDriver;

/// <summary>
/// What the silo acknowledged: per unit the latest acknowledged version, and the version last sent. A version's
/// content follows from its number (<see cref="LoadUnit.FactorOf"/>, <see cref="ProbeUnit.AmountOf"/>), and every
/// submission after the first carries <c>If-Match</c>, so a stored version always has the content the driver expects.
/// </summary>
public sealed class Ledger(int units)
{
    private readonly int[] _acknowledged = new int[units];
    private readonly int[] _sent = new int[units];

    public int ProbeAcknowledged { get; set; }

    public int ProbeSent { get; set; }

    public int Acknowledged(int index) => Volatile.Read(ref _acknowledged[index]);

    public int Sent(int index) => Volatile.Read(ref _sent[index]);

    public void MarkSent(int index, int version) => Volatile.Write(ref _sent[index], version);

    public void MarkAcknowledged(int index, int version) => Volatile.Write(ref _acknowledged[index], version);

    /// <summary>Units with at least one acknowledged version among the first <paramref name="count"/>.</summary>
    public int LoadedAmong(int count) => Enumerable.Range(0, count).Count(i => Acknowledged(i) > 0);
}
