using Akto.Consolidation.Domain.Classification;

namespace Akto.Consolidation.Domain.Tests.Classification;

public sealed class ClassificationCatalogTests
{
    private static readonly ClassificationCatalog Catalog = ClassificationCatalogs.Shipped.Get(2024);

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
    public void Every_shipped_catalog_file_passes_every_check()
    {
        var names = typeof(ClassificationCatalog).Assembly.GetManifestResourceNames()
            .Select(n => System.Text.RegularExpressions.Regex.Match(n, "^catalogs/(function|economic)-([0-9]{4})\\.csv$"))
            .Where(m => m.Success)
            .ToList();

        Assert.NotEmpty(names);
        foreach (var match in names)
        {
            using var stream = typeof(ClassificationCatalog).Assembly.GetManifestResourceStream(match.Value)!;
            var tree = ClassificationCodes.ParseTree(match.Groups[1].Value)!.Value;
            var result = CatalogLoader.Load(new StreamReader(stream).ReadToEnd(), int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), tree);
            Assert.True(result.IsValid, $"{match.Value}: {string.Join("; ", result.Problems)}");
        }

        Assert.Equal(2024, Catalog.Year);
    }

    [Fact]
    public void Years_without_catalog_are_not_shipped()
    {
        Assert.True(ClassificationCatalogs.Shipped.TryGet(2024, out _));
        Assert.Null(ClassificationCatalogs.Shipped.Find(1999));
        Assert.True(ClassificationCatalog.IsShipped(2024));
        Assert.False(ClassificationCatalog.IsShipped(1999));
        Assert.Same(ClassificationCatalogs.Shipped.Get(2024), ClassificationCatalog.ForYear(2024));
        var missing = Assert.Throws<CatalogNotFoundException>(() => ClassificationCatalogs.Shipped.Get(1999));
        Assert.Equal(1999, missing.Year);
        Assert.Contains("预算年度 1999 没有科目目录", missing.Message, StringComparison.Ordinal);
    }
}
