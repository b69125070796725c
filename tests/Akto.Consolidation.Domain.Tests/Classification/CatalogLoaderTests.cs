using Akto.Consolidation.Domain.Classification;

namespace Akto.Consolidation.Domain.Tests.Classification;

public sealed class CatalogLoaderTests
{
    private const string Header = "code,name,level,parent,year\n";

    private static CatalogLoadResult Function(string body, int year = 2025) => CatalogLoader.Load(Header + body, year, ClassificationTree.Function);

    private static CatalogProblem Single(CatalogLoadResult result)
    {
        Assert.Null(result.File);
        return Assert.Single(result.Problems);
    }

    [Fact]
    public void A_well_formed_file_loads_with_its_source_comment_and_every_entry()
    {
        var result = CatalogLoader.Load(
            "# 2025年政府收支分类科目 (财政部)\n# 第二行注释\n" + Header + "208,社会保障和就业支出,类,,2025\n20801,人力资源和社会保障管理事务,款,208,2025\n2080101,\"行政运行,含后勤\",项,20801,2025\n",
            2025,
            ClassificationTree.Function);

        Assert.True(result.IsValid);
        Assert.Empty(result.Problems);
        Assert.Equal("2025年政府收支分类科目 (财政部)", result.File!.Source);
        Assert.Equal(["208", "20801", "2080101"], result.File.Entries.Select(e => e.Code));
        Assert.Equal("行政运行,含后勤", result.File.Entries[2].Name);
        Assert.Equal(ClassificationLevel.Item, result.File.Entries[2].Level);
    }

    [Theory]
    [InlineData("20,社会保障和就业支出,类,,2025\n", "code", "3 位")]
    [InlineData("2080,人力资源,款,208,2025\n", "code", "5 位")]
    [InlineData("2O8,社会保障和就业支出,类,,2025\n", "code", "应为数字")]
    public void A_code_malformed_for_its_level_is_refused_with_its_line(string body, string column, string expected)
    {
        var problem = Function(body).Problems[0];

        Assert.Equal(2, problem.Line);
        Assert.Equal(column, problem.Column);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_parent_is_refused()
    {
        var problem = Single(Function("208,社会保障和就业支出,类,,2025\n2090101,其他,项,20901,2025\n"));

        Assert.Equal(3, problem.Line);
        Assert.Equal("parent", problem.Column);
        Assert.Contains("20901", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parent_of_the_wrong_level_is_refused()
    {
        // 20801 is declared a 项 (and so wrongly sized), and 2080101's parent is then not a 款.
        var result = Function("208,社会保障和就业支出,类,,2025\n20801,人力资源,项,208,2025\n2080101,行政运行,项,20801,2025\n");

        Assert.Contains(result.Problems, p => p.Line == 3 && p.Column == "code");
        Assert.Contains(result.Problems, p => p.Line == 4 && p.Column == "parent" && p.Message.Contains("wrong level", StringComparison.Ordinal));
    }

    [Fact]
    public void A_parent_that_is_not_the_codes_prefix_or_a_class_with_a_parent_is_refused()
    {
        var result = Function("208,社会保障和就业支出,类,,2025\n209,社会保险基金支出,类,208,2025\n20801,人力资源,款,209,2025\n");

        Assert.Equal([3, 4], result.Problems.Select(p => p.Line));
        Assert.All(result.Problems, p => Assert.Equal("parent", p.Column));
    }

    [Fact]
    public void An_empty_name_is_refused()
    {
        var problem = Single(Function("208,,类,,2025\n"));

        Assert.Equal((2, "name"), (problem.Line, problem.Column));
    }

    [Fact]
    public void A_duplicate_code_is_refused_naming_the_first_line()
    {
        var problem = Single(Function("208,社会保障和就业支出,类,,2025\n208,社会保障,类,,2025\n"));

        Assert.Equal((3, "code"), (problem.Line, problem.Column));
        Assert.Contains("第 2 行", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_of_another_year_is_refused()
    {
        var problem = Single(Function("208,社会保障和就业支出,类,,2024\n"));

        Assert.Equal((2, "year"), (problem.Line, problem.Column));
    }

    [Fact]
    public void Level_header_and_column_count_are_checked_and_the_economic_tree_has_no_items()
    {
        Assert.Equal("level", Single(Function("208,x,段,,2025\n")).Column);
        Assert.Equal(1, Single(CatalogLoader.Load("code,name\n", 2025, ClassificationTree.Function)).Line);
        Assert.Contains("5 列", Single(Function("208,x,类,2025\n")).Message, StringComparison.Ordinal);
        var economic = CatalogLoader.Load(Header + "301,工资福利支出,类,,2025\n30101,基本工资,款,301,2025\n3010101,x,项,30101,2025\n", 2025, ClassificationTree.Economic);
        Assert.Contains(economic.Problems, p => p.Line == 4 && p.Column == "level");
    }

    [Fact]
    public void Every_problem_of_a_file_is_reported_at_once_in_line_order()
    {
        var result = Function("208,,类,,2025\n20,x,类,,2025\n208,重复,类,,2025\n2090101,x,项,20901,2024\n");

        // Line 5 is both of another year and under a missing 款: a row already wrong is not judged further.
        Assert.Equal([2, 3, 4, 5], result.Problems.Select(p => p.Line));
        Assert.Throws<FormatException>(() => ClassificationCatalog.Parse(Header + "208,,类,,2025\n", 2025));
    }

    [Fact]
    public void Written_files_load_back_to_the_same_entries_and_inferred_rows_fill_level_and_parent()
    {
        var shipped = ClassificationCatalogs.Shipped.Get(2024);
        var file = new CatalogTreeFile(2024, ClassificationTree.Economic, "测试版本", [.. shipped.Entries(ClassificationTree.Economic)]);

        var reloaded = CatalogLoader.Load(CatalogLoader.Write(file), 2024, ClassificationTree.Economic);

        Assert.Equal(file.Entries, reloaded.File!.Entries);
        Assert.Equal("测试版本", reloaded.File.Source);
        Assert.Equal(new CatalogRow(7, "2080101", "行政运行", "项", "20801", "2025"), CatalogLoader.Infer(7, " 2080101 ", "行政运行", null, "", 2025));
    }
}
