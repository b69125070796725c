namespace Akto.Consolidation.LoadDriver.Data;

/// <summary>
/// The county as the driver knows it: which version of each unit (and of the probe) is stored. Its lines and its
/// function root are computed here from the documents, independently of the silo, in exact 万元.
/// </summary>
public sealed class County(UnitSet set, ProbeUnit probe, IReadOnlyList<int> versions, int probeVersion)
{
    public IEnumerable<(string UnitCode, LineItem Line)> Lines()
    {
        var members = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < versions.Count; i++)
        {
            if (versions[i] > 0)
            {
                members.Add(set.Units[i].UnitCode);
            }
        }

        for (var i = 0; i < versions.Count; i++)
        {
            foreach (var line in set.Units[i].CountyLines(versions[i], members.Contains))
            {
                yield return (set.Units[i].UnitCode, line);
            }
        }

        if (probeVersion > 0)
        {
            yield return (ProbeUnit.UnitCode, new LineItem(probe.FunctionCode, probe.EconomicCode, "basic", "generalBudget", ProbeUnit.AmountOf(probeVersion), null));
        }
    }

    public decimal FunctionRootTotal() => Lines().Sum(l => l.Line.Amount);

    /// <summary>The county of the versions the ledger holds as acknowledged, for the first <paramref name="count"/> units.</summary>
    public static County Acknowledged(UnitSet set, ProbeUnit probe, Ledger ledger, int count) =>
        new(set, probe, [.. Enumerable.Range(0, count).Select(ledger.Acknowledged)], ledger.ProbeAcknowledged);
}
