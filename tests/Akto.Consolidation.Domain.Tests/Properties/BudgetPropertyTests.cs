using Akto.Consolidation.Domain.Disclosure;
using Akto.Consolidation.Domain.Validation;
using FsCheck;
using Akto.Consolidation.Testing;
using FsCheck.Fluent;

namespace Akto.Consolidation.Domain.Tests.Properties;

/// <summary>Properties over random valid budgets: the 审核公式 hold on computed tables, and consolidation is a cell-wise sum.</summary>
public sealed class BudgetPropertyTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(150);

    [Fact]
    public void Every_audit_formula_holds_on_the_tables_of_a_random_valid_budget()
    {
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var report = BudgetValidator.Validate(Generate(seed));
            return (!report.HasErrors).Label(string.Join('\n', report.Errors));
        }).Check(Runs);
    }

    [Fact]
    public void Consolidated_tables_are_the_cell_wise_sum_of_the_units_tables()
    {
        var documents = Gen.Choose(0, int.MaxValue).ArrayOf().Where(seeds => seeds.Length is > 0 and <= 8);
        Prop.ForAll(documents.ToArbitrary(), seeds =>
        {
            var units = seeds.Select((seed, i) => Generate(seed, $"U{i:0000}", $"D{i % 3}")).ToList();
            var consolidated = DisclosureTables.Consolidate(units, DisclosureScope.County());
            var sum = new Dictionary<(int, string, string), decimal>();
            foreach (var unit in units)
            {
                foreach (var cell in Cells(DisclosureTables.For(unit)))
                {
                    sum[cell.Key] = sum.GetValueOrDefault(cell.Key) + cell.Value;
                }
            }

            var actual = Cells(consolidated);
            var differences = sum.Keys.Union(actual.Keys)
                .Where(k => sum.GetValueOrDefault(k) != actual.GetValueOrDefault(k))
                .Select(k => $"{k}: Σ {sum.GetValueOrDefault(k)} ≠ {actual.GetValueOrDefault(k)}")
                .ToList();
            return (differences.Count == 0).Label(string.Join('\n', differences));
        }).Check(Runs);
    }

    [Fact]
    public void Consolidated_random_budgets_still_satisfy_every_table_rule()
    {
        var documents = Gen.Choose(0, int.MaxValue).ArrayOf().Where(seeds => seeds.Length is > 0 and <= 6);
        Prop.ForAll(documents.ToArbitrary(), seeds =>
        {
            var units = seeds.Select((seed, i) => Generate(seed, $"U{i:0000}")).ToList();
            var tables = DisclosureTables.Consolidate(units, DisclosureScope.County());
            var findings = AuditRules.All.Where(r => r.Check is null).SelectMany(r => TableRules.Evaluate(r, tables)).ToList();
            return (findings.Count == 0).Label(string.Join('\n', findings));
        }).Check(Runs);
    }

    [Fact]
    public void A_realistic_random_budget_passes_every_rule_without_a_finding()
    {
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var report = BudgetValidator.Validate(RandomBudgets.Realistic(new Random(seed), "U0001", "D01"));
            return (!report.Findings.Any()).Label(string.Join('\n', report.Findings));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(60));
    }

    [Fact]
    public void Consolidated_realistic_budgets_with_an_internal_transfer_satisfy_every_table_rule()
    {
        var documents = Gen.Choose(0, int.MaxValue).ArrayOf().Where(seeds => seeds.Length is > 1 and <= 6);
        Prop.ForAll(documents.ToArbitrary(), seeds =>
        {
            var units = seeds.Select((seed, i) => RandomBudgets.Realistic(new Random(seed), $"U{i:0000}", "D01")).ToList();
            (units[0], units[1]) = RandomBudgets.WithTransfer(units[0], units[1], (seeds[0] % 10_000) / 100m + 0.01m);
            var tables = DisclosureTables.Consolidate(units, DisclosureScope.County());
            var findings = AuditRules.All.Where(r => r.Check is null).SelectMany(r => TableRules.Evaluate(r, tables)).ToList();
            return (findings.Count == 0).Label(string.Join('\n', findings));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(40));
    }

    /// <summary>Larger documents than the grain tests use (up to 29 lines of up to 50 万元 per draw).</summary>
    private static Domain.Documents.BudgetDocument Generate(int seed, string unitCode = "U0001", string departmentCode = "D01") =>
        RandomBudgets.Create(new Random(seed), unitCode, departmentCode, maxLines: 29, maxFen: 50_000_000);

    private static Dictionary<(int Table, string Row, string Column), decimal> Cells(DisclosureSet set) =>
        set.Tables
            .SelectMany(t => t.Rows.SelectMany(r => r.Cells.Where(c => c.Value is not null).Select(c => (Key: (t.Id, CellTerm.KeyOf(r), c.Key), Value: c.Value!.Value))))
            .GroupBy(c => c.Key)
            .ToDictionary(g => g.Key, g => g.Sum(c => c.Value));
}
