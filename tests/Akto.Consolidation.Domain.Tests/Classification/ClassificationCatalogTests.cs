using Akto.Consolidation.Domain.Classification;

namespace Akto.Consolidation.Domain.Tests.Classification;

public sealed class ClassificationCatalogTests
{
    private static readonly ClassificationCatalog Catalog = ClassificationCatalog.ForYear(2024);

    [Fact]
    public void Lists_every_function_class_of_table_1_from_201_to_234()
    {
        string[] expected = ["201", "202", "203", "204", "205", "206", "207", "208", "209", "210", "211", "212", "213", "214", "215", "216", "217", "219", "220", "221", "222", "223", "224", "227", "229", "230", "231", "232", "233", "234"];

        Assert.Equal(expected, Catalog.FunctionClasses.Select(c => c.Code));
        Assert.Equal("社会保障和就业支出", Catalog.NameOf(ClassificationTree.Function, "208"));
    }

    [Fact]
    public void Every_node_has_its_parent_in_the_catalog()
    {
        foreach (var tree in new[] { ClassificationTree.Function, ClassificationTree.Economic })
        {
            foreach (var entry in Catalog.Entries(tree).Where(e => e.Parent is not null))
            {
                var parent = Catalog.Find(tree, entry.Parent!);
                Assert.NotNull(parent);
                Assert.StartsWith(parent.Code, entry.Code, StringComparison.Ordinal);
                Assert.Equal(entry.Level - 1, parent.Level);
            }
        }
    }

    [Fact]
    public void Economic_classes_behind_table_7_and_sections_of_table_6_are_present()
    {
        Assert.All(["301", "302", "303", "307", "309", "310", "311", "312", "313", "399"], c => Assert.Equal(ClassificationLevel.Class, Catalog.Find(ClassificationTree.Economic, c)!.Level));
        Assert.Equal("公务用车运行维护费", Catalog.NameOf(ClassificationTree.Economic, "30231"));
        Assert.True(Catalog.IsBookable(ClassificationTree.Economic, "30231"));
        Assert.False(Catalog.IsBookable(ClassificationTree.Function, "20801"));
    }

    [Fact]
    public void Another_year_loads_from_a_directory_and_skips_rows_of_other_years()
    {
        var directory = Directory.CreateTempSubdirectory();
        File.WriteAllText(Path.Combine(directory.FullName, "function-2025.csv"), "code,name,level,parent,year\n208,社会保障和就业支出,类,,2025\n20801,人力资源和社会保障管理事务,款,208,2025\n2080101,行政运行,项,20801,2025\n209,社会保险基金支出,类,,2024\n");
        File.WriteAllText(Path.Combine(directory.FullName, "economic-2025.csv"), "code,name,level,parent,year\n301,工资福利支出,类,,2025\n30101,基本工资,款,301,2025\n");

        var catalog = ClassificationCatalog.LoadFromDirectory(directory.FullName, 2025);

        Assert.Equal(2025, catalog.Year);
        Assert.Equal(["208"], catalog.FunctionClasses.Select(c => c.Code));
        Assert.Null(catalog.Find(ClassificationTree.Function, "209"));
    }

    [Fact]
    public void A_malformed_level_is_refused_with_its_line()
    {
        var exception = Assert.Throws<FormatException>(() => ClassificationCatalog.Parse("code,name,level,parent,year\n208,x,段,,2024\n", 2024));

        Assert.Contains("第 2 行", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Years_without_catalog_are_not_shipped()
    {
        Assert.True(ClassificationCatalog.IsShipped(2024));
        Assert.False(ClassificationCatalog.IsShipped(1999));
    }
}
