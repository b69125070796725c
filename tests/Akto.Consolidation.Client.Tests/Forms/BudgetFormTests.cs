using System.Text.Json;
using System.Text.Json.Nodes;
using Akto.Consolidation.Client.Forms;
using Akto.Consolidation.Client.Tests.Commands;
using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Documents;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Akto.Consolidation.Client.Tests.Forms;

public sealed class BudgetFormTests
{
    private static BudgetDocument SeedDocument() => BudgetDocumentReader.Read(File.ReadAllBytes(CliRun.Seed)).Document!;

    [Fact]
    public void The_seed_written_into_the_form_reads_back_as_the_same_document()
    {
        var seed = SeedDocument() with { Schema = null };

        var bytes = BudgetFormWriter.ToBytes(ClassificationCatalog.ForYear(2024), seed);
        var read = BudgetFormReader.Read(new MemoryStream(bytes));

        Assert.Empty(read.Problems);
        Assert.Equal(JsonSerializer.Serialize(seed, BudgetJson.Indented), JsonSerializer.Serialize(read.Document, BudgetJson.Indented));
    }

    [Fact]
    public void Blank_template_filled_with_the_seed_units_figures_gives_the_published_tables()
    {
        var directory = Directory.CreateTempSubdirectory("akto-form").FullName;
        var form = Path.Combine(directory, "form.xlsx");
        var template = CliRun.InProcess("template", "--year", "2024", "--out", form);
        Assert.True(template.Exit == 0, template.Error);

        var seed = SeedDocument();
        using (var edit = new XlsxEdit(form))
        {
            Fill(edit, seed);
        }

        var budget = Path.Combine(directory, "budget.json");
        var import = CliRun.InProcess("import-xlsx", form, "--out", budget);
        Assert.True(import.Exit == 0, import.Error);

        var (exit, output, error) = CliRun.InProcess("disclosure", budget, "--format", "json");
        Assert.True(exit == 0, error);
        var tables = JsonNode.Parse(output)!["tables"]!.AsArray();
        var golden = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", "seed-tables.expected.json")))!["cells"]!.AsArray();
        var wrong = new List<string>();
        foreach (var cell in golden)
        {
            var table = tables.Single(t => t!["id"]!.GetValue<int>() == cell!["table"]!.GetValue<int>())!;
            var project = cell!["project"]?.GetValue<string>();
            var row = table["rows"]!.AsArray().FirstOrDefault(r =>
                (r!["code"]?.GetValue<string>() ?? r["name"]!.GetValue<string>()) == cell["row"]!.GetValue<string>() && r["project"]?.GetValue<string>() == project);
            var value = row?["cells"]?[cell["column"]!.GetValue<string>()]?.ToJsonString();
            if (value != cell["value"]!.GetValue<string>())
            {
                wrong.Add($"{cell.ToJsonString()} → {value ?? "missing"}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Fact]
    public void Every_cell_that_cannot_be_used_is_reported_by_sheet_and_address_and_nothing_is_written()
    {
        var directory = Directory.CreateTempSubdirectory("akto-form").FullName;
        var form = Path.Combine(directory, "form.xlsx");
        Assert.Equal(0, CliRun.InProcess("template", "--year", "2024", "--from", CliRun.Seed, "--out", form).Exit);
        using (var edit = new XlsxEdit(form))
        {
            edit.Set("支出明细", "F3", "十万");
            edit.Set("收入", "A2", "财政拨款");
            edit.Set("项目", "B4", " ");
            edit.Set("单位信息", "B6", "美元");
        }

        var budget = Path.Combine(directory, "budget.json");
        var (exit, _, error) = CliRun.InProcess("import-xlsx", form, "--out", budget);

        Assert.Equal(1, exit);
        Assert.Contains("支出明细!F3", error, StringComparison.Ordinal);
        Assert.Contains("收入!A2", error, StringComparison.Ordinal);
        Assert.Contains("项目!B4", error, StringComparison.Ordinal);
        Assert.Contains("单位信息!B6", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(File.Exists(budget));
    }

    [Fact]
    public void A_file_that_is_not_a_workbook_exits_2_without_a_stack_trace()
    {
        var directory = Directory.CreateTempSubdirectory("akto-form").FullName;
        var form = Path.Combine(directory, "form.xlsx");
        File.WriteAllText(form, "PK not really");

        var (exit, _, error) = CliRun.InProcess("import-xlsx", form, "--out", Path.Combine(directory, "budget.json"));

        Assert.Equal(2, exit);
        Assert.Contains("无法读取", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Template_offers_the_years_catalogs_as_drop_downs_from_a_hidden_sheet_under_a_frozen_header()
    {
        var bytes = BudgetFormWriter.ToBytes(ClassificationCatalog.ForYear(2024));
        using var package = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = package.WorkbookPart!;
        var sheets = workbook.Workbook!.Sheets!.Elements<Sheet>().ToList();
        var lists = sheets.Single(s => s.Name == BudgetFormLayout.ListsSheet);
        Assert.Equal(SheetStateValues.Hidden, lists.State!.Value);
        var listRows = ((WorksheetPart)workbook.GetPartById(lists.Id!)).Worksheet!.Descendants<Cell>().Select(c => c.InnerText).ToHashSet();
        Assert.Contains("2080101 行政运行", listRows);
        Assert.Contains("30101 基本工资", listRows);

        var lines = (WorksheetPart)workbook.GetPartById(sheets.Single(s => s.Name == BudgetFormLayout.LinesSheet).Id!);
        var formulas = lines.Worksheet!.Descendants<DataValidation>().Select(v => v.Formula1!.Text).ToList();
        Assert.Contains(formulas, f => f.StartsWith("'目录'!$A$2:$A$", StringComparison.Ordinal));
        Assert.Equal(PaneStateValues.Frozen, lines.Worksheet.Descendants<Pane>().Single().State!.Value);
        Assert.Equal(BudgetFormLayout.LineHeaders, lines.Worksheet.Descendants<Row>().First().Elements<Cell>().Select(c => c.InnerText));
    }

    /// <summary>Fills the blank template as a unit would: the figures the tables need, cell by cell under each header.</summary>
    private static void Fill(XlsxEdit edit, BudgetDocument seed)
    {
        var unit = edit.Rows("单位信息").ToDictionary(r => r.Cells.GetValueOrDefault("A", ""), r => r.Row.RowIndex!.Value);
        edit.Set("单位信息", $"B{unit["单位编码"]}", seed.UnitCode);
        edit.Set("单位信息", $"B{unit["单位名称"]}", seed.UnitName);
        edit.Set("单位信息", $"B{unit["主管部门编码"]}", seed.DepartmentCode);
        edit.Set("单位信息", $"B{unit["金额单位"]}", "万元");

        var income = edit.Headers("收入");
        var row = 2;
        foreach (var line in seed.Income)
        {
            edit.Set("收入", $"{income["资金来源"]}{row}", line.Source.Label());
            edit.Set("收入", $"{income["金额"]}{row++}", line.Amount);
        }

        var lines = edit.Headers("支出明细");
        row = 2;
        foreach (var line in seed.Lines)
        {
            edit.Set("支出明细", $"{lines["功能分类科目"]}{row}", line.FunctionCode);
            edit.Set("支出明细", $"{lines["支出类型"]}{row}", line.Category == ExpenditureCategory.Basic ? "基本支出" : "项目支出");
            edit.Set("支出明细", $"{lines["经济分类科目"]}{row}", line.EconomicCode);
            edit.Set("支出明细", $"{lines["资金来源"]}{row}", line.FundSource.Label());
            if (line.ProjectCode is { } project)
            {
                edit.Set("支出明细", $"{lines["项目编码"]}{row}", project);
            }

            edit.Set("支出明细", $"{lines["金额"]}{row++}", line.Amount);
        }

        var projects = edit.Headers("项目");
        row = 2;
        foreach (var project in seed.Projects)
        {
            edit.Set("项目", $"{projects["项目编码"]}{row}", project.Code);
            edit.Set("项目", $"{projects["项目名称"]}{row}", project.Name);
            edit.Set("项目", $"{projects["项目类型"]}{row}", project.Kind switch
            {
                ProjectKind.Current => "当年财政拨款项目",
                ProjectKind.UnitFunds => "单位资金项目",
                _ => "上年结转结余项目",
            });
            edit.Set("项目", $"{projects["预算安排规模"]}{row++}", project.Amount);
        }

        var threePublic = edit.Headers("三公经费");
        row = 2;
        foreach (var expense in seed.ThreePublicExpenses)
        {
            edit.Set("三公经费", $"{threePublic["年度"]}{row}", "本年");
            edit.Set("三公经费", $"{threePublic["项目"]}{row}", expense.Item switch
            {
                ThreePublicItem.OutboundTravel => "因公出国（境）费",
                ThreePublicItem.Reception => "公务接待费",
                ThreePublicItem.VehiclePurchase => "公务用车购置费",
                _ => "公务用车运行费",
            });
            edit.Set("三公经费", $"{threePublic["预算类型"]}{row}", "一般公共预算");
            edit.Set("三公经费", $"{threePublic["金额"]}{row++}", expense.Amount);
        }
    }
}
