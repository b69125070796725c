using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Akto.Consolidation.Client.Tests.Commands;

public sealed class DisclosureCommandTests
{
    [Fact]
    public async Task Json_output_holds_every_published_figure_of_tables_1_to_11_in_its_row_and_column()
    {
        var (exit, output, error) = await CliRun.ProcessAsync("disclosure", CliRun.Seed, "--format", "json");

        Assert.True(exit == 0, error);
        var document = JsonNode.Parse(output)!;
        Assert.Equal(2024, document["year"]!.GetValue<int>());
        Assert.Equal("万元", document["currencyUnit"]!.GetValue<string>());
        Assert.Equal("unit", document["scope"]!["kind"]!.GetValue<string>());
        var golden = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", "seed-tables.expected.json")))!["cells"]!.AsArray();
        var missing = new List<string>();
        foreach (var cell in golden)
        {
            var table = document["tables"]!.AsArray().Single(t => t!["id"]!.GetValue<int>() == cell!["table"]!.GetValue<int>())!;
            var rowKey = cell!["row"]!.GetValue<string>();
            var project = cell["project"]?.GetValue<string>();
            var row = table["rows"]!.AsArray().FirstOrDefault(r =>
                (r!["code"]?.GetValue<string>() ?? r["name"]!.GetValue<string>()) == rowKey && r["project"]?.GetValue<string>() == project);
            var value = row?["cells"]?[cell["column"]!.GetValue<string>()];
            var text = value is null ? null : value.ToJsonString();
            if (text != cell["value"]!.GetValue<string>())
            {
                missing.Add($"{cell.ToJsonString()} → {text ?? "missing"}");
            }
        }

        Assert.True(missing.Count == 0, string.Join('\n', missing));
    }

    [Fact]
    public void Several_files_of_one_department_give_its_consolidated_tables()
    {
        var subordinate = CliRun.CopyOfSeed(json =>
        {
            var node = JsonNode.Parse(json)!;
            node["unitCode"] = "139002";
            node["unitName"] = "阿克陶县就业服务中心";
            return node.ToJsonString();
        });

        var (exit, output, _) = CliRun.InProcess("disclosure", CliRun.Seed, subordinate, "--format", "json");

        Assert.Equal(0, exit);
        var document = JsonNode.Parse(output)!;
        Assert.Equal("department", document["scope"]!["kind"]!.GetValue<string>());
        Assert.Equal("139001", document["scope"]!["code"]!.GetValue<string>());
        var table1 = document["tables"]![0]!;
        var total = table1["rows"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == "总计")!;
        Assert.Equal(14998.28m, total["cells"]!["收入/预算数"]!.GetValue<decimal>());
        Assert.Equal("部门收支总体情况表", table1["title"]!.GetValue<string>());
    }

    [Fact]
    public void Csv_and_markdown_render_the_same_figures()
    {
        var csv = CliRun.InProcess("disclosure", CliRun.Seed, "--format", "csv");
        var markdown = CliRun.InProcess("disclosure", CliRun.Seed, "--format", "md");

        Assert.Equal(0, csv.Exit);
        Assert.Contains("# 表1 单位收支总体情况表", csv.Output, StringComparison.Ordinal);
        Assert.Contains("208,社会保障和就业支出,,,7258.32", csv.Output, StringComparison.Ordinal);
        Assert.Equal(0, markdown.Exit);
        Assert.Contains("| 208 | 社会保障和就业支出 |  | 7,258.32 |", markdown.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_directory_receives_one_csv_per_table()
    {
        var directory = Directory.CreateTempSubdirectory("akto-out");

        var (exit, _, _) = CliRun.InProcess("disclosure", CliRun.Seed, "--format", "csv", "--out", directory.FullName);

        Assert.Equal(0, exit);
        Assert.Equal(11, directory.GetFiles("2024-unit-139001-table-*.csv").Length);
    }

    [Fact]
    public void Html_renders_the_whole_document_to_standard_output()
    {
        var (exit, output, _) = CliRun.InProcess("disclosure", CliRun.Seed, "--format", "html");

        Assert.Equal(0, exit);
        Assert.StartsWith("<!DOCTYPE html>", output, StringComparison.Ordinal);
        Assert.Contains("第一部分 2024年单位概况", output, StringComparison.Ordinal);
        Assert.Contains("第四部分 名词解释", output, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">7,258.32</td>", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Xlsx_is_written_to_the_out_directory_and_needs_one()
    {
        var directory = Directory.CreateTempSubdirectory("akto-xlsx");

        var (exit, _, _) = CliRun.InProcess("disclosure", CliRun.Seed, "--format", "xlsx", "--out", directory.FullName);
        var (refused, _, error) = CliRun.InProcess("disclosure", CliRun.Seed, "--format", "xlsx");

        Assert.Equal(0, exit);
        var file = Assert.Single(directory.GetFiles("2024-unit-139001-disclosure.xlsx"));
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(file.FullName), 0, 2));
        Assert.NotEqual(0, refused);
        Assert.Contains("--out", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_glossary_file_replaces_the_shipped_glossary()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("akto-glossary").FullName, "glossary.json");
        File.WriteAllText(path, """{"title":"名词解释","entries":[{"term":"本地名词","definition":"本地解释。"}]}""");

        var (exit, output, _) = CliRun.InProcess("disclosure", CliRun.Seed, "--format", "html", "--glossary", path);

        Assert.Equal(0, exit);
        Assert.Contains("<p>一、本地名词：本地解释。</p>", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_format_is_refused()
    {
        var (exit, _, error) = CliRun.InProcess("disclosure", CliRun.Seed, "--format", "pdf");

        Assert.NotEqual(0, exit);
        Assert.Contains("pdf", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Published_numbers_carry_exactly_two_decimals()
    {
        var (_, output, _) = CliRun.InProcess("disclosure", CliRun.Seed);

        using var document = JsonDocument.Parse(output);
        foreach (var table in document.RootElement.GetProperty("tables").EnumerateArray())
        {
            foreach (var row in table.GetProperty("rows").EnumerateArray())
            {
                foreach (var cell in row.GetProperty("cells").EnumerateObject().Where(c => c.Value.ValueKind == JsonValueKind.Number))
                {
                    Assert.Matches(@"^-?\d+\.\d{2}$", cell.Value.GetRawText());
                    Assert.Equal(decimal.Round(cell.Value.GetDecimal(), 2), decimal.Parse(cell.Value.GetRawText(), CultureInfo.InvariantCulture));
                }
            }
        }
    }

    [Fact]
    public async Task Pdf_is_printed_to_the_out_directory()
    {
        var directory = Directory.CreateTempSubdirectory("akto-pdf").FullName;

        var (exit, output, error) = await CliRun.ProcessAsync("disclosure", CliRun.Seed, "--format", "pdf", "--out", directory);

        Assert.True(exit == 0, error);
        var path = Path.Combine(directory, "2024-unit-139001-disclosure.pdf");
        Assert.Contains(path, output, StringComparison.Ordinal);
        var bytes = File.ReadAllBytes(path);
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));
        Assert.True(bytes.Length > 10_000);
    }

    [Fact]
    public async Task A_missing_chromium_is_exit_2_with_one_line_naming_the_install_script()
    {
        var directory = Directory.CreateTempSubdirectory("akto-pdf").FullName;

        var (exit, _, error) = await CliRun.ProcessAsync(
            new Dictionary<string, string> { ["AKTO_CHROMIUM"] = "/nonexistent/chromium" },
            "disclosure", CliRun.Seed, "--format", "pdf", "--out", directory);

        Assert.Equal(2, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("akto: ", line, StringComparison.Ordinal);
        Assert.Contains("scripts/ensure-browser.sh", line, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(directory));
    }

    [Fact]
    public void Pdf_without_out_is_refused()
    {
        var (exit, _, error) = CliRun.InProcess("disclosure", CliRun.Seed, "--format", "pdf");

        Assert.Equal(1, exit);
        Assert.Contains("--out", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unit_yuan_prints_the_json_tables_in_yuan()
    {
        var (exit, output, error) = CliRun.InProcess("disclosure", CliRun.Seed, "--format", "json", "--unit", "元");

        Assert.True(exit == 0, error);
        var document = JsonNode.Parse(output)!;
        Assert.Equal("元", document["currencyUnit"]!.GetValue<string>());
        var total = document["tables"]![0]!["rows"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == "总计")!;
        Assert.Equal(74_991_400.00m, total["cells"]!["收入/预算数"]!.GetValue<decimal>());
    }

    [Fact]
    public void Unit_yuan_heads_every_html_table_with_yuan()
    {
        var (exit, output, error) = CliRun.InProcess("disclosure", CliRun.Seed, "--format", "html", "--unit", "yuan");

        Assert.True(exit == 0, error);
        Assert.Equal(11, output.Split("单位：元</span>").Length - 1);
        Assert.Contains("74,991,400.00", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Display_names_in_the_catalogs_directory_rename_the_rows_they_name()
    {
        var catalogs = Directory.CreateTempSubdirectory("akto-names").FullName;
        File.WriteAllText(Path.Combine(catalogs, "display-names-2024.csv"), "tree,code,table,name\nfunction,208,3,社会保障与就业（本地）\n");

        var (exit, output, error) = CliRun.InProcess("disclosure", CliRun.Seed, "--format", "md", "--catalogs", catalogs);

        Assert.True(exit == 0, error);
        var table3 = output[output.IndexOf("## 表3", StringComparison.Ordinal)..output.IndexOf("## 表4", StringComparison.Ordinal)];
        Assert.Contains("| 208 | 社会保障与就业（本地） |", table3, StringComparison.Ordinal);
        Assert.DoesNotContain("社会保障与就业（本地）", output.Replace(table3, "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
