using System.Text.Json;
using Akto.Consolidation.Domain.Disclosure;
using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Domain.Facts;
using Akto.Consolidation.Domain.Validation;
using static Akto.Consolidation.Domain.Documents.FundSource;

namespace Akto.Consolidation.Domain.Tests.Facts;

/// <summary>
/// A department head D01 with 100 万元 of 事业收入 spends 70 itself and pays 30 to its subordinate S01 as 对附属单位补助; S01
/// books the 30 as 上级补助收入 from D01 and spends it. Consolidated, the 30 is counted once: 100 in, 100 out.
/// </summary>
public sealed class EliminationTests
{
    private static readonly HashSet<string> Department = ["D01", "S01"];

    internal static BudgetDocument Head(decimal paid = 30m, FundSource paidFrom = UnitBusinessIncome) => new()
    {
        Year = 2024,
        UnitCode = "D01",
        UnitName = "主管部门",
        DepartmentCode = "D01",
        Income = paidFrom == UnitBusinessIncome
            ? [new IncomeLine { Source = UnitBusinessIncome, Amount = 70m + paid }]
            : [new IncomeLine { Source = UnitBusinessIncome, Amount = 70m }, new IncomeLine { Source = paidFrom, Amount = paid }],
        Lines =
        [
            new ExpenditureLine { FunctionCode = "2080101", Category = ExpenditureCategory.Basic, EconomicCode = "30101", FundSource = UnitBusinessIncome, Amount = 70m },
            new ExpenditureLine { FunctionCode = "2080199", Category = ExpenditureCategory.Basic, EconomicCode = "30399", FundSource = paidFrom, Amount = paid, PayeeUnitCode = "S01" },
        ],
    };

    internal static BudgetDocument Subordinate(decimal received = 30m) => new()
    {
        Year = 2024,
        UnitCode = "S01",
        UnitName = "下属单位",
        DepartmentCode = "D01",
        Income = [new IncomeLine { Source = UnitSuperiorSubsidy, Amount = received, PayerUnitCode = "D01" }],
        Lines = [new ExpenditureLine { FunctionCode = "2080150", Category = ExpenditureCategory.Basic, EconomicCode = "30101", FundSource = UnitSuperiorSubsidy, Amount = received }],
    };

    [Fact]
    public void Money_a_department_pays_its_subordinate_is_counted_once()
    {
        var result = Elimination.Consolidate(2024, [Head(), Subordinate()], Department);

        Assert.Equal(100m, result.Facts.SumIncome(_ => true));
        Assert.Equal(100m, result.Facts.SumLines(_ => true));
        Assert.Equal(0m, result.Facts.SumIncome(s => s == UnitSuperiorSubsidy));
        Assert.Equal(0m, result.Facts.SumLines(k => k.FunctionCode == "2080199"));
        Assert.Equal(30m, result.Facts.SumLines(k => k.FunctionCode == "2080150"));
        Assert.Equal([new InternalTransfer("D01", "S01", 30m, 30m)], result.Transfers);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Eliminated_consolidation_is_the_sum_of_each_unit_within_the_scope()
    {
        var documents = new[] { Head(), Subordinate() };
        var consolidated = Elimination.Consolidate(2024, documents, Department).Facts;
        var summed = BudgetFacts.Sum(2024, documents.Select(d => Elimination.FactsWithinScope(d, Department)));

        Assert.Equal(summed.Income, consolidated.Income);
        Assert.Equal(summed.Lines, consolidated.Lines);
    }

    [Fact]
    public void Tables_of_an_eliminated_consolidation_satisfy_every_table_rule()
    {
        var tables = DisclosureTables.Consolidate([Head(), Subordinate()], DisclosureScope.Department("D01", "主管部门"));

        var findings = AuditRules.All.Where(r => r.Check is null).SelectMany(r => TableRules.Evaluate(r, tables)).ToList();
        Assert.Empty(findings);
        Assert.Equal(100m, tables.Table(1).Value("总计", "收入/预算数"));
        Assert.Equal(0m, tables.Table(1).Value("上级补助收入", "收入/预算数"));
        Assert.Equal(100m, tables.Table(1).Value("总计", "支出/预算数"));
    }

    [Fact]
    public void A_transfer_with_a_unit_outside_the_scope_stays()
    {
        var alone = Elimination.Consolidate(2024, [Subordinate()]);

        Assert.Equal(30m, alone.Facts.SumIncome(s => s == UnitSuperiorSubsidy));
        Assert.Empty(alone.Transfers);
        var headOnly = Elimination.WithinScope(Head(), new HashSet<string> { "D01" });
        Assert.Equal(100m, headOnly.Lines.Sum(l => l.Amount));
    }

    [Fact]
    public void Sides_that_disagree_are_reported_with_both_locations()
    {
        var result = Elimination.Consolidate(2024, [Head(paid: 30m), Subordinate(received: 25m)], Department);

        var finding = Assert.Single(result.Findings);
        Assert.Equal("C-01", finding.RuleId);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("D01 列支付给 S01 30.00 万元", finding.Message, StringComparison.Ordinal);
        Assert.Contains("S01 列收到 25.00 万元", finding.Message, StringComparison.Ordinal);
        Assert.Equal(2, finding.Locations.Count);
        Assert.Equal(5m, result.Facts.SumIncome(_ => true) - result.Facts.SumLines(_ => true));
    }

    [Fact]
    public void Internal_payments_funded_from_fiscal_money_are_flagged()
    {
        var result = Elimination.Consolidate(2024, [Head(paidFrom: GeneralBudget), Subordinate()], Department);

        Assert.Contains(result.Findings, f => f.RuleId == "C-03" && f.Locations.Single() == "D01:$.lines[1].fundSource");
    }

    [Fact]
    public void A_payer_on_other_income_is_not_eliminated_and_is_reported()
    {
        var subordinate = Subordinate() with
        {
            Income = [new IncomeLine { Source = UnitOtherIncome, Amount = 30m, PayerUnitCode = "D01" }],
            Lines = [new ExpenditureLine { FunctionCode = "2080150", Category = ExpenditureCategory.Basic, EconomicCode = "30101", FundSource = UnitOtherIncome, Amount = 30m }],
        };

        var result = Elimination.Consolidate(2024, [subordinate], Department);

        Assert.Equal(30m, result.Facts.SumIncome(_ => true));
        Assert.Contains(result.Findings, f => f.RuleId == "C-02");
    }

    [Fact]
    public void A_document_without_internal_money_is_returned_as_it_is()
    {
        var seed = SeedBudget.Load();

        Assert.Same(seed, Elimination.WithinScope(seed, new HashSet<string> { seed.UnitCode }));
    }

    [Fact]
    public void Payer_and_payee_codes_are_part_of_the_format_and_survive_a_round_trip()
    {
        var json = JsonSerializer.Serialize(Head(), BudgetJson.Options);
        Assert.Contains("\"payeeUnitCode\":\"S01\"", json, StringComparison.Ordinal);

        var read = BudgetDocumentReader.Read(JsonSerializer.Serialize(Subordinate(), BudgetJson.Options));
        Assert.Empty(read.Findings);
        Assert.Equal("D01", read.Document!.Income.Single().PayerUnitCode);
        Assert.Empty(BudgetValidator.Validate(Head()).Errors);
        Assert.Empty(BudgetValidator.Validate(Subordinate()).Errors);
    }

    [Fact]
    public void Lines_that_differ_only_by_payee_are_not_duplicates()
    {
        var head = Head() with
        {
            Income = [new IncomeLine { Source = UnitBusinessIncome, Amount = 110m }],
            Lines = [.. Head().Lines, Head().Lines[1] with { PayeeUnitCode = "S02", Amount = 10m }],
        };

        Assert.DoesNotContain(BudgetValidator.Validate(head).Findings, f => f.RuleId == "S-16");
    }
}
