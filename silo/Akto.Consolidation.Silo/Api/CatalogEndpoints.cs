using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Akto.Consolidation.Application.Classification;
using Akto.Consolidation.Contracts.Classification;
using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Silo.Security;
using Mediator;

namespace Akto.Consolidation.Silo.Api;

/// <summary>
/// <c>/api/v1/years/{year}/catalogs/{function|economic}</c>: the 科目目录 a year's submissions validate against, and the
/// finance bureau's replacement of it on the running cluster.
/// </summary>
public static class CatalogEndpoints
{
    public static RouteGroupBuilder MapCatalogEndpoints(this RouteGroupBuilder api)
    {
        var catalogs = api.MapGroup("/years/{year:int}/catalogs").WithTags("Catalogs");
        catalogs.MapGet("/{tree}", GetAsync)
            .WithName("GetCatalog")
            .WithSummary("科目目录: {year, tree, source, version, entries:[{code, name, level, parent}]}; ?format=csv gives the file format");
        catalogs.MapPut("/{tree}", ReplaceAsync)
            .RequireAuthorization(AktoPolicies.FinanceBureau)
            .Accepts<CatalogUpload>("application/json", "text/csv")
            .WithName("ReplaceCatalog")
            .WithSummary("替换科目目录 (finance bureau): text/csv in the file format, or JSON {source, entries}; checked, 400 lists every line's problems; new submissions validate against it at once");
        return api;
    }

    private static async Task<IResult> GetAsync(int year, string tree, string? format, IMediator mediator, CancellationToken cancellationToken)
    {
        if (Check(year, tree, out var parsed) is { } invalid)
        {
            return invalid;
        }

        if (format is not (null or "" or "json" or "csv"))
        {
            return ApiProblems.BadRequest("格式无效 (Unknown format)", "format 应为 json 或 csv");
        }

        var view = await mediator.Send(new GetCatalogQuery(year, parsed), cancellationToken);
        if (view is null)
        {
            return ApiProblems.NotFound($"预算年度 {year} 没有{TreeName(parsed)}科目目录 (no {tree} classification catalog for {year})");
        }

        if (format == "csv")
        {
            return Results.Text(CatalogLoader.Write(view.Tree), "text/csv; charset=utf-8");
        }

        return Results.Ok(new CatalogResponse(
            year,
            tree,
            view.Tree.Source,
            view.Version,
            [.. view.Tree.Entries.Select(e => new CatalogEntryDto(e.Code, e.Name, ClassificationCodes.LevelName(e.Level), e.Parent))]));
    }

    private static async Task<IResult> ReplaceAsync(int year, string tree, HttpContext context, IMediator mediator, CancellationToken cancellationToken)
    {
        if (Check(year, tree, out var parsed) is { } invalid)
        {
            return invalid;
        }

        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(cancellationToken);
        var isJson = context.Request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true;
        string csv;
        if (isJson)
        {
            CatalogUpload? upload;
            try
            {
                upload = JsonSerializer.Deserialize<CatalogUpload>(body, JsonOptions);
            }
            catch (JsonException exception)
            {
                return ApiProblems.BadRequest("JSON 格式错误 (Malformed JSON)", exception.Message);
            }

            if (upload?.Entries is not { } entries)
            {
                return ApiProblems.BadRequest("科目目录无效 (Invalid classification catalog)", "JSON 应为 {\"source\": \"…\", \"entries\": [{\"code\", \"name\", \"level\", \"parent\"}]}");
            }

            csv = CatalogLoader.WriteRows(entries.Select((e, i) => CatalogLoader.Infer(i + 2, e?.Code, e?.Name, e?.Level, e?.Parent, year)), upload.Source);
        }
        else
        {
            csv = body;
        }

        var caller = ApiCaller.From(context.User)!;
        var result = await mediator.Send(new ReplaceCatalogCommand(year, parsed, csv, caller.KeyId), cancellationToken);
        if (!result.Accepted)
        {
            return Rejected(result.Errors, isJson);
        }

        return Results.Ok(new { year, tree, version = result.Version });
    }

    /// <summary>400 listing every problem; locations are CSV lines, or JSON paths for a JSON upload (line n is entries[n - 2]).</summary>
    private static IResult Rejected(IReadOnlyList<CatalogLineError> errors, bool json)
    {
        string Location(CatalogLineError error) =>
            json
                ? error.Line >= 2 ? $"$.entries[{error.Line - 2}]{(error.Column.Length > 0 ? "." + error.Column : "")}" : "$"
                : $"line {error.Line}{(error.Column.Length > 0 ? ", " + error.Column : "")}";
        return Results.Problem(
            title: "科目目录无效 (Invalid classification catalog)",
            detail: $"{errors.Count} 处错误，科目目录未更改 ({errors.Count} problems; the catalog is unchanged)",
            statusCode: StatusCodes.Status400BadRequest,
            type: "https://akto-consolidation.example/problems/catalog-rejected",
            extensions: new Dictionary<string, object?>
            {
                ["problems"] = errors.Select(e => new { line = e.Line, column = e.Column, location = Location(e), message = e.Message }).ToList(),
                ["errors"] = errors.GroupBy(Location).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            });
    }

    private static IResult? Check(int year, string tree, out ClassificationTree parsed)
    {
        parsed = default;
        if (ApiProblems.CheckRoute(year) is { } invalid)
        {
            return invalid;
        }

        if (ClassificationCodes.ParseTree(tree) is not { } known)
        {
            return ApiProblems.NotFound($"没有“{tree}”分类，应为 function（功能分类）或 economic（经济分类） (unknown tree)");
        }

        parsed = known;
        return null;
    }

    private static string TreeName(ClassificationTree tree) => tree == ClassificationTree.Function ? "功能分类" : "经济分类";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}

/// <summary>A catalog as JSON: <c>{source, entries:[{code, name, level?, parent?}]}</c> (level and parent follow from the code when left out).</summary>
public sealed record CatalogUpload(
    [property: JsonPropertyName("source")] string? Source,
    [property: JsonPropertyName("entries")] IReadOnlyList<CatalogEntryDto?>? Entries);

/// <summary>One 科目 as the API writes it.</summary>
public sealed record CatalogEntryDto(
    [property: JsonPropertyName("code")] string? Code,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("level")] string? Level,
    [property: JsonPropertyName("parent")] string? Parent);

/// <summary>The response of <c>GET …/catalogs/{tree}</c>.</summary>
public sealed record CatalogResponse(int Year, string Tree, string? Source, int Version, IReadOnlyList<CatalogEntryDto> Entries);
