using Akto.Consolidation.Domain.Disclosure;
using Akto.Consolidation.Domain.Validation;

namespace Akto.Consolidation.Domain.Tests.Validation;

/// <summary>
/// Every formula and hierarchy rule of audit-rules.json holds on the seed's tables (its passing case) and is broken by
/// tampering with one cell it reads (its failing case).
/// </summary>
public sealed class TableRulesTests
{
    private static readonly DisclosureSet SeedTables = DisclosureTables.For(SeedBudget.Load());

    public static TheoryData<string> TableRuleIds =>
        [.. AuditRules.All.Where(r => r.Check is null).Select(r => r.Id)];

    [Theory]
    [MemberData(nameof(TableRuleIds))]
    public void Rule_holds_on_the_seed_tables(string ruleId)
    {
        var findings = TableRules.Evaluate(AuditRules.Get(ruleId), SeedTables).ToList();

        Assert.Empty(findings);
    }

    [Theory]
    [MemberData(nameof(TableRuleIds))]
    public void Rule_reports_a_tampered_cell_with_its_location(string ruleId)
    {
        var rule = AuditRules.Get(ruleId);
        var (tampered, location) = rule.Formula is { } text ? TamperFormula(CellFormula.Parse(text)) : TamperHierarchy(rule.Hierarchy!.Value);

        var findings = TableRules.Evaluate(rule, tampered).ToList();

        var finding = Assert.Single(findings);
        Assert.Equal(ruleId, finding.RuleId);
        Assert.Equal(rule.Severity, finding.Severity);
        Assert.Contains(location, finding.Locations);
        Assert.StartsWith(rule.Message, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Formula_parser_rejects_text_without_a_relation()
    {
        Assert.Throws<FormatException>(() => CellFormula.Parse("T1[总计].收入/预算数 + T1[总计].支出/预算数"));
        Assert.Throws<FormatException>(() => CellFormula.Parse("T1[总计] = T2[合计].总计"));
    }

    [Fact]
    public void Catalog_has_unique_ids_and_every_named_check_exists()
    {
        Assert.Equal(AuditRules.All.Count, AuditRules.All.Select(r => r.Id).Distinct().Count());
        Assert.All(AuditRules.All.Where(r => r.Check is not null), r => Assert.True(DocumentChecks.Exists(r.Check!), r.Id));
        Assert.All(DocumentChecks.Names, name => Assert.Contains(AuditRules.All, r => r.Check == name));
    }

    /// <summary>Moves the first term's cell (or, for "&gt;=", the right side's) far enough to break the relation.</summary>
    private static (DisclosureSet Tables, string Location) TamperFormula(CellFormula formula)
    {
        var term = formula.Operator == ">=" ? formula.Right[0] : formula.Left[0];
        var delta = formula.Operator == "=" ? 1m : 1_000_000m;
        var table = SeedTables.Table(term.Table);
        var row = term.Row.StartsWith('*') ? table.Rows.First(term.Matches) : table.Rows.First(r => CellTerm.KeyOf(r) == term.Row);
        var key = CellTerm.KeyOf(row);
        return (Tamper(SeedTables, term.Table, row, term.Column, term.Sign * delta), term.Location(key));
    }

    /// <summary>Adds 1 to the first column of the table's 合计 row, so it no longer equals Σ类.</summary>
    private static (DisclosureSet Tables, string Location) TamperHierarchy(int tableId)
    {
        var table = SeedTables.Table(tableId);
        var total = table.Find("合计");
        return (Tamper(SeedTables, tableId, total, table.Columns[0], 1m), $"表{tableId}[合计].{table.Columns[0]}");
    }

    internal static DisclosureSet Tamper(DisclosureSet set, int tableId, DisclosureRow row, string column, decimal delta)
    {
        var table = set.Table(tableId);
        var cells = row.Cells.ToDictionary(c => c.Key, c => c.Value);
        cells[column] = (cells.GetValueOrDefault(column) ?? 0m) + delta;
        var rows = table.Rows.Select(r => ReferenceEquals(r, row) ? r with { Cells = cells } : r).ToList();
        return set with { Tables = [.. set.Tables.Select(t => t.Id == tableId ? t with { Rows = rows } : t)] };
    }
}
