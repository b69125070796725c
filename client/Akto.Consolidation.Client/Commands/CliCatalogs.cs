using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Domain.Validation;

namespace Akto.Consolidation.Client.Commands;

/// <summary>
/// The catalogs a command uses: the shipped ones under <c>--catalogs DIR</c>. A year without a catalog, or a catalog file
/// that does not pass the checks, ends the command with exit 2 and one clear line per problem — never a stack trace.
/// </summary>
internal static class CliCatalogs
{
    /// <summary>The global <c>--catalogs DIR</c> option (an override directory of <c>{function|economic}-{year}.csv</c>).</summary>
    public static Option<DirectoryInfo?> CreateOption() => new("--catalogs")
    {
        Description = "科目目录覆盖目录 (override directory: {function|economic}-{year}.csv replace the shipped catalogs)",
        Recursive = true,
    };

    public static string MissingLine(int year) =>
        $"akto: 预算年度 {year} 没有科目目录 (no classification catalog for {year}); 用 --catalogs DIR 指定或 akto catalog import 导入";

    public static bool TryOpen(DirectoryInfo? directory, TextWriter error, out IClassificationCatalogs catalogs)
    {
        catalogs = ClassificationCatalogs.Shipped;
        if (directory is null)
        {
            return true;
        }

        if (!directory.Exists)
        {
            error.WriteLine($"akto: 科目目录覆盖目录不存在 (--catalogs directory not found): {directory.FullName}");
            return false;
        }

        catalogs = ClassificationCatalogs.WithOverrides(directory.FullName);
        return true;
    }

    /// <summary>The catalog of <paramref name="year"/>, or false after printing why there is none.</summary>
    public static bool TryGet(IClassificationCatalogs catalogs, int year, TextWriter error, [MaybeNullWhen(false)] out ClassificationCatalog catalog)
    {
        try
        {
            if (catalogs.TryGet(year, out catalog))
            {
                return true;
            }

            error.WriteLine(MissingLine(year));
            return false;
        }
        catch (CatalogLoadException invalid)
        {
            catalog = null;
            WriteProblems(invalid.File, invalid.Problems, error);
            return false;
        }
    }

    public static void WriteProblems(string file, IReadOnlyList<CatalogProblem> problems, TextWriter error)
    {
        error.WriteLine($"akto: 科目目录 {file} 有 {problems.Count} 处错误 (invalid classification catalog)");
        foreach (var problem in problems)
        {
            error.WriteLine($"{file}: {problem}");
        }
    }

    /// <summary>
    /// Reads and validates a budget file against the catalog of its year. False (after printing why) when the document's
    /// year has no usable catalog: the caller exits 2.
    /// </summary>
    public static bool TryReadAndValidate(
        byte[] bytes, IClassificationCatalogs catalogs, TextWriter error, out (BudgetDocument? Document, ValidationReport Report, bool Unreadable) result, out ClassificationCatalog? catalog)
    {
        var read = BudgetDocumentReader.Read(bytes);
        catalog = null;
        if (read.Document is null)
        {
            result = (null, new ValidationReport(read.Findings), read.Unreadable);
            return true;
        }

        if (!TryGet(catalogs, read.Document.Year, error, out var found))
        {
            result = default;
            return false;
        }

        catalog = found;
        var report = BudgetValidator.Validate(read.Document, found);
        result = (read.Document, new ValidationReport([.. read.Findings, .. report.Findings]), false);
        return true;
    }
}
