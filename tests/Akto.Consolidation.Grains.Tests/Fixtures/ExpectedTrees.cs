using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Classification;
using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Documents;

namespace Akto.Consolidation.Grains.Tests.Fixtures;

/// <summary>
/// The trees a set of documents should produce, computed here from the documents' lines alone — not by the grains, nor by
/// the code the grains use — to check the grains against.
/// </summary>
internal static class ExpectedTrees
{
    internal sealed class Cell
    {
        public decimal Total { get; set; }

        public decimal Personnel { get; set; }

        public decimal Public { get; set; }

        public decimal Project { get; set; }

        public SortedDictionary<FundSource, decimal> BySource { get; } = [];

        public bool Matches(Measures measures) =>
            measures.Total == Total
            && measures.BasicPersonnel == Personnel
            && measures.BasicPublic == Public
            && measures.Project == Project
            && measures.BySource.Count == BySource.Count(p => p.Value != 0m)
            && BySource.Where(p => p.Value != 0m).All(p => measures.BySource.GetValueOrDefault(p.Key) == p.Value);

        public override string ToString() =>
            $"合计 {Total} = 人员 {Personnel} + 公用 {Public} + 项目 {Project}; {string.Join("; ", BySource.Where(p => p.Value != 0m).Select(p => $"{p.Key} {p.Value}"))}";
    }

    /// <summary>Node key → expected cell, for the function and economic trees of <paramref name="scope"/>.</summary>
    public static Dictionary<string, Cell> Of(IEnumerable<BudgetDocument> documents, ConsolidationScope scope, int year = Budgets.Year)
    {
        var cells = new Dictionary<string, Cell>(StringComparer.Ordinal)
        {
            [$"{year}/{scope}/function/root"] = new(),
            [$"{year}/{scope}/economic/root"] = new(),
        };
        foreach (var document in documents)
        {
            foreach (var line in document.Lines)
            {
                var f = line.FunctionCode;
                var e = line.EconomicCode;
                string[] keys =
                [
                    $"{year}/{scope}/function/root", $"{year}/{scope}/function/{f[..3]}", $"{year}/{scope}/function/{f[..5]}", $"{year}/{scope}/function/{f}",
                    $"{year}/{scope}/economic/root", $"{year}/{scope}/economic/{e[..3]}", $"{year}/{scope}/economic/{e}",
                ];
                foreach (var key in keys)
                {
                    if (!cells.TryGetValue(key, out var cell))
                    {
                        cells[key] = cell = new Cell();
                    }

                    cell.Total += line.Amount;
                    if (line.Category == ExpenditureCategory.Project)
                    {
                        cell.Project += line.Amount;
                    }
                    else if (e.StartsWith("301", StringComparison.Ordinal) || e.StartsWith("303", StringComparison.Ordinal))
                    {
                        cell.Personnel += line.Amount;
                    }
                    else
                    {
                        cell.Public += line.Amount;
                    }

                    cell.BySource[line.FundSource] = cell.BySource.GetValueOrDefault(line.FundSource) + line.Amount;
                }
            }
        }

        return cells;
    }

    /// <summary>Every node reachable from the scope's two roots, read from the grains.</summary>
    public static async Task<Dictionary<string, Measures>> ReadAsync(IGrainFactory grains, ConsolidationScope scope, int year = Budgets.Year)
    {
        var result = new Dictionary<string, Measures>(StringComparer.Ordinal);
        var frontier = new List<NodeKey> { NodeKey.Root(year, scope, ClassificationTree.Function), NodeKey.Root(year, scope, ClassificationTree.Economic) };
        while (frontier.Count > 0)
        {
            var snapshots = await Task.WhenAll(frontier.Select(k => grains.GetNode(k).GetAsync()));
            frontier = [];
            foreach (var snapshot in snapshots)
            {
                result[snapshot.Key.ToString()] = snapshot.Measures;
                if (!snapshot.Key.IsLeaf)
                {
                    frontier.AddRange(snapshot.Children.Select(c => snapshot.Key.Child(c.Contributor)).Where(k => !result.ContainsKey(k.ToString())));
                }
            }
        }

        return result;
    }

    /// <summary>Differences between the grains' trees and the expectation; non-zero nodes the expectation lacks count too.</summary>
    public static List<string> Differences(Dictionary<string, Cell> expected, Dictionary<string, Measures> actual)
    {
        var differences = new List<string>();
        foreach (var (key, cell) in expected)
        {
            if (!actual.TryGetValue(key, out var measures))
            {
                differences.Add($"{key}: missing, expected {cell}");
            }
            else if (!cell.Matches(measures))
            {
                differences.Add($"{key}: expected {cell}, actual {measures}");
            }
        }

        differences.AddRange(actual.Where(a => !expected.ContainsKey(a.Key) && !a.Value.IsZero).Select(a => $"{a.Key}: unexpected {a.Value}"));
        return differences;
    }

    /// <summary>Waits (the trees propagate on a cadence) until the scope's trees equal the expectation, then asserts it.</summary>
    public static async Task AssertEventuallyAsync(IGrainFactory grains, ConsolidationScope scope, Dictionary<string, Cell> expected, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        List<string> differences;
        while (true)
        {
            differences = Differences(expected, await ReadAsync(grains, scope));
            if (differences.Count == 0 || DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.True(differences.Count == 0, $"{scope}: {differences.Count} differences\n{string.Join('\n', differences.Take(20))}");
    }

    /// <summary>Polls <paramref name="read"/> until <paramref name="done"/> or the timeout; returns the last value.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
