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

    /// <summary>
    /// Every node total of every tree the silo keeps, computed here from the documents: scope ("county" or
    /// "department:{code}") → tree ("function", "economic") → node code ("root", 类, 款, 项) → 万元. A payment to a unit
    /// of the scope (the county, or the payer's own department) is eliminated there.
    /// </summary>
    public Dictionary<string, Dictionary<string, Dictionary<string, decimal>>> ExpectedTrees()
    {
        var members = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < versions.Count; i++)
        {
            if (versions[i] > 0)
            {
                members[set.Units[i].UnitCode] = set.Units[i].DepartmentCode;
            }
        }

        var trees = new Dictionary<string, Dictionary<string, Dictionary<string, decimal>>>(StringComparer.Ordinal);
        for (var i = 0; i < versions.Count; i++)
        {
            var unit = set.Units[i];
            if (versions[i] <= 0)
            {
                continue;
            }

            foreach (var line in unit.BaseLines)
            {
                var amount = line.Amount * unit.FactorOf(versions[i]);
                var payeeDepartment = line.Payee is { } payee ? members.GetValueOrDefault(payee) : null;
                if (payeeDepartment is null)
                {
                    Book(trees, "county", line.FunctionCode, line.EconomicCode, amount);
                }

                if (payeeDepartment != unit.DepartmentCode)
                {
                    Book(trees, $"department:{unit.DepartmentCode}", line.FunctionCode, line.EconomicCode, amount);
                }
            }
        }

        if (probeVersion > 0)
        {
            Book(trees, "county", probe.FunctionCode, probe.EconomicCode, ProbeUnit.AmountOf(probeVersion));
            Book(trees, probe.DepartmentScope, probe.FunctionCode, probe.EconomicCode, ProbeUnit.AmountOf(probeVersion));
        }

        return trees;
    }

    private static void Book(Dictionary<string, Dictionary<string, Dictionary<string, decimal>>> trees, string scope, string function, string economic, decimal amount)
    {
        if (!trees.TryGetValue(scope, out var scopeTrees))
        {
            trees[scope] = scopeTrees = new(StringComparer.Ordinal)
            {
                ["function"] = new(StringComparer.Ordinal),
                ["economic"] = new(StringComparer.Ordinal),
            };
        }

        foreach (var (tree, code) in new[] { ("function", function), ("economic", economic) })
        {
            var nodes = scopeTrees[tree];
            foreach (var node in new[] { "root", code[..3], code.Length > 3 ? code[..5] : null, code.Length > 5 ? code : null })
            {
                if (node is not null)
                {
                    nodes[node] = nodes.GetValueOrDefault(node) + amount;
                }
            }
        }
    }

    /// <summary>The county of the versions the ledger holds as acknowledged, for the first <paramref name="count"/> units.</summary>
    public static County Acknowledged(UnitSet set, ProbeUnit probe, Ledger ledger, int count) =>
        new(set, probe, [.. Enumerable.Range(0, count).Select(ledger.Acknowledged)], ledger.ProbeAcknowledged);
}
