using System.Text.RegularExpressions;
using Akto.Consolidation.Domain.Classification;

namespace Akto.Consolidation.Silo.Hosting;

/// <summary>The silo's own catalogs: the shipped ones under <c>Akto:CatalogDirectory</c>, checked when the silo starts.</summary>
public static partial class HostCatalogs
{
    /// <summary>
    /// The catalogs of <paramref name="directory"/> over the shipped ones. Every catalog file there is loaded now, so a
    /// missing directory or a bad file stops the start with every problem listed, instead of failing submissions later.
    /// </summary>
    public static IClassificationCatalogs Open(string? directory)
    {
        if (directory is null)
        {
            return ClassificationCatalogs.Shipped;
        }

        if (!Directory.Exists(directory))
        {
            throw new InvalidOperationException($"Akto:CatalogDirectory 目录不存在 (the catalog directory does not exist): {directory}");
        }

        var overrides = new DirectoryCatalogTrees(directory);
        foreach (var file in Directory.EnumerateFiles(directory, "*.csv"))
        {
            if (CatalogFileName().Match(Path.GetFileName(file)) is { Success: true } match)
            {
                overrides.Find(int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), ClassificationCodes.ParseTree(match.Groups[1].Value)!.Value);
            }
        }

        return ClassificationCatalogs.WithOverrides(directory);
    }

    [GeneratedRegex("^(function|economic)-([0-9]{4})\\.csv$")]
    private static partial Regex CatalogFileName();
}
