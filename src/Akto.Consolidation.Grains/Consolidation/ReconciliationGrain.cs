using System.Collections.Immutable;
using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Classification;
using Akto.Consolidation.Contracts.Consolidation;
using Akto.Consolidation.Domain.Facts;
using Akto.Consolidation.Grains.Classification;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;


namespace Akto.Consolidation.Grains.Consolidation;

/// <summary>
/// 对账 of a scope (see <see cref="IReconciliationGrain"/>). Stateless and replicated per silo: it repairs by asking units
/// and nodes to resend what they hold — it never writes figures itself.
/// </summary>
[StatelessWorker]
public sealed class ReconciliationGrain(ILogger<ReconciliationGrain> logger, TimeProvider? timeProvider = null) : Grain, IReconciliationGrain
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    public async Task<ReconciliationReport> ReconcileAsync(int year, ConsolidationScope scope)
    {
        var startedAt = _time.GetUtcNow();
        // One read of every unit of the scope serves the membership repair and the recomputation (the repair changes
        // registers, never versions).
        var content = await ScopeReader.LoadScopeAsync(GrainFactory, year, scope);
        var repairs = await RepairMembershipAsync(year, content);
        var expected = Expect(year, scope, content);

        var before = await ScopeReader.TraverseAsync(GrainFactory, [.. ScopeReader.Roots(year, scope), .. expected.Nodes.Keys.Select(NodeKey.Parse)]);
        var (differences, strays) = Compare(expected, before);
        var expectedFacts = ExpectFacts(year, scope, content);
        var factsDifferences = await CompareFactsAsync(year, scope, expectedFacts);

        // Units are the only writers of their contributions: they resend them (forced, with zero where they stray) ...
        var republished = differences.Where(d => d.Contributor is not null && NodeKey.Parse(d.NodeKey).IsLeaf).Select(d => d.Contributor!)
            .Concat(repairs.Republish)
            .Concat(factsDifferences.Select(d => d.UnitCode))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToImmutableArray();
        await Task.WhenAll(republished.Select(unit => GrainFactory.GetBudgetUnit(year, unit)
            .RepublishAsync([.. strays.GetValueOrDefault(unit) ?? [], .. factsDifferences.Where(d => d.UnitCode == unit).Select(d => d.Shard)])));

        // ... then every node resends its stored sum, bottom-up, so each level is exact before the next reads it.
        var resent = 0;
        if (differences.Count > 0 || republished.Length > 0)
        {
            var nodes = before.Keys.Union(expected.Nodes.Keys).Select(NodeKey.Parse).Where(k => !k.IsRoot).ToList();
            foreach (var level in nodes.GroupBy(k => k.Depth).OrderByDescending(g => g.Key))
            {
                await Task.WhenAll(level.Select(k => GrainFactory.GetNode(k).ResendAsync(force: true)));
                resent += level.Count();
            }
        }

        var after = await ScopeReader.TraverseAsync(GrainFactory, [.. ScopeReader.Roots(year, scope), .. expected.Nodes.Keys.Select(NodeKey.Parse)]);
        var (remaining, _) = Compare(expected, after);
        var factsRemaining = await CompareFactsAsync(year, scope, expectedFacts);
        var report = new ReconciliationReport(
            year,
            scope,
            startedAt,
            _time.GetUtcNow(),
            content.Versions.Count,
            after.Count,
            [.. differences],
            republished,
            resent,
            [.. repairs.Descriptions],
            [.. remaining],
            [.. factsDifferences],
            [.. factsRemaining]);
        if (report.Differences.Length > 0 || report.FactsDifferences.Length > 0 || !report.Exact)
        {
            logger.LogWarning(
                "Reconciliation {Year} {Scope}: {Differences} differences, {FactsDifferences} facts differences, {Units} units republished, {Nodes} nodes resent, {Remaining} remaining",
                year,
                scope,
                report.Differences.Length,
                report.FactsDifferences.Length,
                republished.Length,
                resent,
                report.Remaining.Length + report.FactsRemaining.Length);
        }

        return report;
    }

    /// <summary>Department members without a budget of the department leave; units missing from the register rejoin.</summary>
    private async Task<(List<string> Republish, List<string> Descriptions)> RepairMembershipAsync(int year, ScopeContent content)
    {
        var republish = new List<string>();
        var descriptions = new List<string>();
        var registry = content.Registry.ToDictionary(u => u.UnitCode, StringComparer.Ordinal);
        foreach (var (unit, version) in content.Versions)
        {
            if (!registry.TryGetValue(unit, out var entry) || entry.DepartmentCode != version.Document.DepartmentCode)
            {
                republish.Add(unit);
                descriptions.Add($"单位 {unit} 重新登记到部门 {version.Document.DepartmentCode} (re-registered with the county)");
            }
        }

        if (content.Department is { } department)
        {
            foreach (var member in department.Members)
            {
                if (!content.Versions.ContainsKey(member.UnitCode))
                {
                    await GrainFactory.GetDepartment(year, department.DepartmentCode).LeaveAsync(member.UnitCode);
                    descriptions.Add($"单位 {member.UnitCode} 的预算不属于部门 {department.DepartmentCode}，已移出 (removed from the department)");
                }
            }

            foreach (var unit in content.Versions.Keys.Where(u => department.Members.All(m => m.UnitCode != u)))
            {
                republish.Add(unit);
                descriptions.Add($"单位 {unit} 重新加入部门 {department.DepartmentCode} (rejoined its department)");
            }
        }

        return (republish, descriptions);
    }

    private sealed record Expectation(
        Dictionary<string, Dictionary<string, LeafFigures>> Leaves,
        Dictionary<string, Measures> Nodes,
        Dictionary<string, SortedSet<string>> Children);

    /// <summary>The trees recomputed from the units' current versions, by the arithmetic the units use.</summary>
    private static Expectation Expect(int year, ConsolidationScope scope, ScopeContent content)
    {
        var members = content.Versions.Keys.ToHashSet(StringComparer.Ordinal);
        var leaves = new Dictionary<string, Dictionary<string, LeafFigures>>(StringComparer.Ordinal);
        var nodes = new Dictionary<string, MeasuresBuilder>(StringComparer.Ordinal);
        var children = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var root in ScopeReader.Roots(year, scope))
        {
            nodes[root.ToString()] = new MeasuresBuilder();
        }

        foreach (var (unit, version) in content.Versions)
        {
            var document = version.Document;
            var internalUnits = UnitContributions.Payees(document).Where(members.Contains).ToHashSet(StringComparer.Ordinal);
            foreach (var (leaf, figures) in UnitContributions.Compute(document, scope, internalUnits))
            {
                if (!leaves.TryGetValue(leaf, out var entries))
                {
                    leaves[leaf] = entries = new Dictionary<string, LeafFigures>(StringComparer.Ordinal);
                }

                entries[unit] = figures;
                for (NodeKey? key = NodeKey.Parse(leaf); key is not null; key = key.Parent)
                {
                    var text = key.ToString();
                    if (!nodes.TryGetValue(text, out var builder))
                    {
                        nodes[text] = builder = new MeasuresBuilder();
                    }

                    builder.Add(figures.Measures);
                    if (key.Parent is { } parent)
                    {
                        var parentText = parent.ToString();
                        if (!children.TryGetValue(parentText, out var set))
                        {
                            children[parentText] = set = new SortedSet<string>(StringComparer.Ordinal);
                        }

                        set.Add(key.Code);
                    }
                }
            }
        }

        return new Expectation(leaves, nodes.ToDictionary(p => p.Key, p => p.Value.Build(), StringComparer.Ordinal), children);
    }

    /// <summary>Each unit's facts within the scope and its transfer declarations, recomputed from its current version.</summary>
    private static Dictionary<string, UnitFactsEntry> ExpectFacts(int year, ConsolidationScope scope, ScopeContent content)
    {
        var members = content.Versions.Keys.ToHashSet(StringComparer.Ordinal);
        return content.Versions.ToDictionary(
            pair => pair.Key,
            pair => new UnitFactsEntry(
                pair.Key,
                0,
                pair.Value.Version,
                Elimination.FactsWithinScope(pair.Value.Document, members),
                Elimination.Declare(pair.Value.Document, members)),
            StringComparer.Ordinal);
    }

    /// <summary>Every shard's entries against the recomputation: missing, stray, in the wrong shard, or different.</summary>
    private async Task<List<FactsDifference>> CompareFactsAsync(int year, ConsolidationScope scope, Dictionary<string, UnitFactsEntry> expected)
    {
        var shards = ScopeFactsKey.All(year, scope).ToList();
        var held = await Task.WhenAll(shards.Select(key => GrainFactory.GetGrain<IScopeFactsGrain>(key).GetEntriesAsync()));
        var differences = new List<FactsDifference>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < shards.Count; i++)
        {
            foreach (var entry in held[i])
            {
                seen.Add(entry.UnitCode);
                if (!expected.TryGetValue(entry.UnitCode, out var want))
                {
                    differences.Add(new FactsDifference(shards[i], entry.UnitCode, "stray"));
                }
                else if (ScopeFactsKey.ForUnit(year, scope, entry.UnitCode) != shards[i])
                {
                    differences.Add(new FactsDifference(shards[i], entry.UnitCode, "shard"));
                }
                else if (FactsProblem(want, entry) is { } problem)
                {
                    differences.Add(new FactsDifference(shards[i], entry.UnitCode, problem));
                }
            }
        }

        differences.AddRange(expected.Keys
            .Where(unit => !seen.Contains(unit))
            .Select(unit => new FactsDifference(ScopeFactsKey.ForUnit(year, scope, unit), unit, "missing")));
        return [.. differences.OrderBy(d => d.UnitCode, StringComparer.Ordinal)];
    }

    private static string? FactsProblem(UnitFactsEntry want, UnitFactsEntry have)
    {
        if (want.DocumentVersion != have.DocumentVersion)
        {
            return $"version {have.DocumentVersion} instead of {want.DocumentVersion}";
        }

        if (have.Facts is null || !want.Facts!.HasSameCells(have.Facts))
        {
            return "figures";
        }

        return SameTransfers(want.Transfers!, have.Transfers) ? null : "transfers";
    }

    private static bool SameTransfers(TransferDeclarations want, TransferDeclarations? have) =>
        have is not null
        && SameAmounts(want.Paid, have.Paid)
        && SameAmounts(want.Received, have.Received)
        && want.Findings.Select(f => f.ToString()).SequenceEqual(have.Findings.Select(f => f.ToString()), StringComparer.Ordinal);

    private static bool SameAmounts(IReadOnlyDictionary<string, decimal> left, IReadOnlyDictionary<string, decimal> right) =>
        left.Count == right.Count && left.All(p => right.TryGetValue(p.Key, out var amount) && amount == p.Value);

    /// <summary>Every node's sum, every child entry of inner nodes and every unit entry of leaves, against the expectation.</summary>

    private static (List<NodeDifference> Differences, Dictionary<string, List<string>> Strays) Compare(Expectation expected, Dictionary<string, NodeSnapshot> actual)
    {
        var differences = new List<NodeDifference>();
        var strays = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var text in expected.Nodes.Keys.Union(actual.Keys).Order(StringComparer.Ordinal))
        {
            var key = NodeKey.Parse(text);
            var snapshot = actual.GetValueOrDefault(text);
            var expectedTotal = expected.Nodes.GetValueOrDefault(text) ?? Measures.Zero;
            var actualTotal = snapshot?.Measures ?? Measures.Zero;
            if (!expectedTotal.Equals(actualTotal))
            {
                differences.Add(new NodeDifference(text, null, expectedTotal, actualTotal));
            }

            var held = (snapshot?.Children ?? []).ToDictionary(c => c.Contributor, StringComparer.Ordinal);
            if (key.IsLeaf)
            {
                var entries = expected.Leaves.GetValueOrDefault(text) ?? [];
                foreach (var unit in entries.Keys.Union(held.Keys))
                {
                    var want = entries.GetValueOrDefault(unit) ?? LeafFigures.Zero;
                    var have = held.TryGetValue(unit, out var child) ? new LeafFigures(child.Measures, child.Projects) : LeafFigures.Zero;
                    if (!want.Equals(have))
                    {
                        differences.Add(new NodeDifference(text, unit, want.Measures, have.Measures));
                        if (!entries.ContainsKey(unit))
                        {
                            (strays.TryGetValue(unit, out var list) ? list : strays[unit] = []).Add(text);
                        }
                    }
                }
            }
            else
            {
                var codes = expected.Children.GetValueOrDefault(text) ?? [];
                foreach (var code in codes.Union(held.Keys))
                {
                    var want = expected.Nodes.GetValueOrDefault(key.Child(code).ToString()) ?? Measures.Zero;
                    var have = held.GetValueOrDefault(code)?.Measures ?? Measures.Zero;
                    if (!want.Equals(have))
                    {
                        differences.Add(new NodeDifference(text, code, want, have));
                    }
                }
            }
        }

        return (differences, strays);
    }

    /// <summary>The nodes reachable from <paramref name="starts"/> (and the starts themselves), read level by level.</summary>
}
