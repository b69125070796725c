using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Disclosure;
using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Domain.Validation;
using Akto.Consolidation.Reporting.Document;
using Akto.Consolidation.Synthetic;
using Akto.Consolidation.Testing;
using FsCheck;
using FsCheck.Fluent;

namespace Akto.Consolidation.Reporting.Tests;

/// <summary>尾差分配: printed tables add up as printed, on random budgets with 6-decimal 万元 amounts; the seed prints unchanged.</summary>
public sealed class PrintedFiguresTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(120);

    /// <summary>The audit rules that relate cells of one table by "=" (hierarchy rules included): every printed relation the rules know.</summary>
    private static readonly IReadOnlyList<AuditRule> PrintedRelations =
    [
        .. AuditRules.All.Where(r => r.Hierarchy is not null
            || (r.Formula is { } f && CellFormula.Parse(f) is { Operator: "=" } formula && formula.Left.Concat(formula.Right).Select(t => t.Table).Distinct().Count() == 1)),
    ];

    /// <summary>A random budget booked in 元 to the 分: 6 decimals once in 万元.</summary>
    private static BudgetDocument SixDecimals(int seed, string unitCode = "U0001") =>
        RandomBudgets.Create(new Random(seed), unitCode, "D01", maxLines: 29, maxFen: 50_000_000) with { CurrencyUnit = CurrencyUnit.Yuan };

    [Fact]
    public void Every_printed_relation_holds_on_a_random_budget_with_six_decimal_amounts()
    {
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var problems = Problems(DisclosureTables.For(SixDecimals(seed)));
            return (problems.Count == 0).Label(string.Join('\n', problems));
        }).Check(Runs);
    }

    [Fact]
    public void Every_printed_relation_holds_on_a_consolidated_county_of_random_budgets()
    {
        var units = Gen.Choose(0, int.MaxValue).ArrayOf().Where(seeds => seeds.Length is > 1 and <= 6);
        Prop.ForAll(units.ToArbitrary(), seeds =>
        {
            var documents = seeds.Select((seed, i) => SixDecimals(seed, $"U{i:0000}")).ToList();
            var problems = Problems(DisclosureTables.Consolidate(documents, DisclosureScope.County()));
            return (problems.Count == 0).Label(string.Join('\n', problems));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(40));
    }

    [Fact]
    public void The_county_document_over_a_generated_county_prints_tables_that_add_up()
    {
        var county = SyntheticCounty.Generate(new CountyOptions(Units: 24, Departments: 5, Seed: 11), ClassificationCatalogs.Shipped.Get(2024));
        var documents = county.Documents.Select(d => d with { CurrencyUnit = CurrencyUnit.Yuan }).ToList(); // 6 decimals in 万元

        var document = DisclosureDocumentBuilder.ForScope(documents);

        var printed = new DisclosureSet(document.Year, document.Scope, "万元", [.. document.Tables.Select(t => t.Table)]);
        Assert.Empty(PrintedRelations.SelectMany(r => TableRules.Evaluate(r, printed)));
        Assert.All(printed.Tables.SelectMany(t => t.Rows).SelectMany(r => r.Cells.Values), v => Assert.True(v is null || decimal.Round(v.Value, 2) == v));
    }

    [Fact]
    public void Six_decimal_amounts_do_not_add_up_when_each_is_rounded_on_its_own()
    {
        // Why the allocation exists: rounding every cell by itself breaks some printed relation of most such budgets.
        var broken = Enumerable.Range(0, 40).Count(seed =>
        {
            var exact = DisclosureTables.For(SixDecimals(seed));
            var naive = exact with { Tables = [.. exact.Tables.Select(t => t with { Rows = [.. t.Rows.Select(r => r with { Cells = r.Cells.ToDictionary(c => c.Key, c => c.Value is { } v ? PublishedAmount.Round(v) : (decimal?)null) })] })] };
            return PrintedRelations.SelectMany(r => TableRules.Evaluate(r, naive)).Any();
        });

        Assert.True(broken > 10, $"only {broken} of 40 budgets broke a relation when rounded cell by cell");
    }

    [Fact]
    public void The_seed_prints_exactly_its_two_decimal_amounts()
    {
        var exact = DisclosureTables.For(SeedBudget.Load());

        var printed = PrintedFigures.Of(exact);

        foreach (var (table, i) in exact.Tables.Select((t, i) => (t, i)))
        {
            for (var r = 0; r < table.Rows.Count; r++)
            {
                Assert.Equal(table.Rows[r].Cells, printed.Tables[i].Rows[r].Cells);
            }
        }
    }

    [Fact]
    public void Items_share_their_section_by_largest_remainder_ties_to_the_earlier_code()
    {
        // The case: 460.27 + 442.65 printed under a 20801 of 902.91.
        string[] columns = ["支出预算/合计", "支出预算/基本支出", "支出预算/项目支出"];
        DisclosureRow Row(string? code, string name, decimal amount) =>
            new(code, name, new Dictionary<string, decimal?> { [columns[0]] = amount, [columns[1]] = amount, [columns[2]] = null });
        var table = new DisclosureTable(3, "支出总体情况表", columns,
        [
            Row("208", "社会保障和就业支出", 902.9118m),
            Row("20801", "人力资源和社会保障管理事务", 902.9118m),
            Row("2080101", "行政运行", 460.2659m),
            Row("2080150", "事业运行", 442.6459m),
            Row(null, "合计", 902.9118m),
        ]);

        var printed = PrintedFigures.Of(table);

        Assert.Equal(902.91m, printed.Value("20801", columns[0]));
        Assert.Equal(460.27m, printed.Value("2080101", columns[0]));
        Assert.Equal(442.64m, printed.Value("2080150", columns[0]));
        Assert.Equal(442.64m, printed.Value("2080150", columns[1]));
        Assert.Null(printed.Find("2080150").Cells[columns[2]]);
    }

    [Theory]
    [InlineData(1.00, 0.333, 0.333, 0.334, 0.33, 0.33, 0.34)]
    [InlineData(1.00, 0.335, 0.335, 0.33, 0.34, 0.33, 0.33)]
    [InlineData(0.01, 0.004, 0.003, 0.003, 0.01, 0.00, 0.00)]
    public void Share_gives_the_missing_fen_to_the_largest_remainders_then_the_earliest(double parent, double a, double b, double c, double x, double y, double z)
    {
        var children = new[] { (decimal)a, (decimal)b, (decimal)c };

        var shares = PrintedFigures.Share((decimal)parent, children.Sum(), children);

        Assert.Equal(new[] { (decimal)x, (decimal)y, (decimal)z }, shares);
    }

    /// <summary>Every broken printed relation, every amount with more than 2 decimals, every figure 0.01 or more from its exact amount.</summary>
    private static List<string> Problems(DisclosureSet exact)
    {
        var printed = PrintedFigures.Of(exact);
        var problems = PrintedRelations.SelectMany(r => TableRules.Evaluate(r, printed)).Select(f => f.ToString()).ToList();
        for (var t = 0; t < exact.Tables.Count; t++)
        {
            var table = printed.Tables[t];
            for (var r = 0; r < table.Rows.Count; r++)
            {
                foreach (var column in table.Columns)
                {
                    var value = table.Rows[r][column];
                    var distance = Math.Abs(value - exact.Tables[t].Rows[r][column]);
                    if (decimal.Round(value, 2) != value || distance >= 0.01m * table.Columns.Count)
                    {
                        problems.Add($"表{table.Id}[{table.Rows[r].Name}].{column}: {value} (exact {exact.Tables[t].Rows[r][column]})");
                    }
                }
            }

            // Totals print as their exact amount rounded.
            if ((table.TryFind("合计") ?? table.TryFind("总计")) is { } total)
            {
                var exactTotal = exact.Tables[t].Find(total.Name)[table.Columns[0]];
                if (total[table.Columns[0]] != PublishedAmount.Round(exactTotal))
                {
                    problems.Add($"表{table.Id} {total.Name} {total[table.Columns[0]]} ≠ round({exactTotal})");
                }
            }
        }

        // Relations of tables 1, 4 and 11 the rules state only across tables.
        var t1 = printed.Table(1);
        Check(problems, "表1 支出总计 = Σ类", t1.Value("总计", "支出/预算数"), t1.Rows.Where(r => r.Level == "类").Sum(r => r["支出/预算数"]));
        var t4 = printed.Table(4);
        Check(problems, "表4 收入 一、财政拨款 = Σ", t4.Value("一、财政拨款（补助）", t4.Columns[0]), new[] { "一般公共预算", "政府性基金预算", "国有资本经营预算" }.Sum(n => t4.Value(n, t4.Columns[0])));
        Check(problems, "表4 收入总计", t4.Value("总计", t4.Columns[0]), t4.Value("一、财政拨款（补助）", t4.Columns[0]));
        foreach (var column in t4.Columns.Skip(1))
        {
            Check(problems, $"表4 总计.{column} = Σ类", t4.Value("总计", column), t4.Rows.Where(r => r.Level == "类").Sum(r => r[column]));
        }

        foreach (var row in t4.Rows)
        {
            Check(problems, $"表4 {row.Name} 支出合计 = Σ", row[t4.Columns[1]], t4.Columns.Skip(2).Sum(c => row[c]));
        }

        var t11 = printed.Table(11);
        foreach (var column in t11.Columns)
        {
            Check(problems, $"表11 合计.{column} = Σ", t11.Value("合计", column), t11.Rows.Where(r => r.Name != "合计").Sum(r => r[column]));
        }

        return problems;
    }

    private static void Check(List<string> problems, string relation, decimal left, decimal right)
    {
        if (left != right)
        {
            problems.Add($"{relation}: {left} ≠ {right}");
        }
    }
}
