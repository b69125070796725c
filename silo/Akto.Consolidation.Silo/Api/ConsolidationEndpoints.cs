using Akto.Consolidation.Application.Budgets;
using Akto.Consolidation.Application.Consolidation;
using Akto.Consolidation.Application.Disclosure;
using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Classification;
using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Disclosure;
using System.Text;
using Akto.Consolidation.Reporting;
using Akto.Consolidation.Reporting.Document;
using Akto.Consolidation.Reporting.Pdf;
using Akto.Consolidation.Silo.Security;
using Microsoft.AspNetCore.WebUtilities;
using Mediator;

namespace Akto.Consolidation.Silo.Api;

/// <summary>Consolidated trees, disclosure tables and reconciliation: the finance bureau's views.</summary>
public static class ConsolidationEndpoints
{
    public static RouteGroupBuilder MapConsolidationEndpoints(this RouteGroupBuilder api)
    {
        var year = api.MapGroup("/years/{year:int}").WithTags("Consolidation");
        year.MapGet("/consolidation/{tree}", GetTreeAsync)
            .WithName("GetConsolidation")
            .WithSummary("The function or economic tree of the county or a department: nodes {code, name, total, basic, project, sources, children}, exact 万元");
        year.MapGet("/disclosure", GetDisclosureAsync)
            .WithName("GetDisclosure")
            .WithSummary("预算公开: ?scope=unit:{code}|department:{code}|county&format=json|csv|md (tables 1–11) or html|xlsx|pdf (the whole document, as a file)&unit=wanyuan|yuan (万元, the default, or 元; 2 decimals)");
        year.MapPost("/reconcile", ReconcileAsync)
            .RequireAuthorization(AktoPolicies.FinanceBureau)
            .WithName("Reconcile")
            .WithSummary("对账: recompute a scope from its units, compare with the trees and repair");
        return api;
    }

    private static async Task<IResult> GetTreeAsync(int year, string tree, string? scope, int? depth, string? code, HttpContext context, IMediator mediator, ClusterCatalogs catalogs, CancellationToken cancellationToken)
    {
        if ((ApiProblems.CheckRoute(year) ?? await ApiProblems.CheckYearHasCatalogAsync(year, catalogs)) is { } invalid)
        {
            return invalid;
        }

        var parsedTree = ClassificationCodes.ParseTree(tree);
        if (parsedTree is null)
        {
            return ApiProblems.BadRequest("分类无效 (Unknown tree)", "分类应为 function（功能分类）或 economic（经济分类）");
        }

        if (!TryParseScope(scope, out var parsedScope))
        {
            return ApiProblems.BadRequest("合并范围无效 (Invalid scope)", "scope 应为 county 或 department:{code}");
        }

        var nodeCode = string.IsNullOrEmpty(code) ? Contracts.Classification.NodeKey.RootCode : code;
        if (nodeCode != Contracts.Classification.NodeKey.RootCode && (nodeCode.Length is not (3 or 5 or 7) || !nodeCode.All(char.IsAsciiDigit)))
        {
            return ApiProblems.BadRequest("科目编码无效 (Invalid code)", $"“{nodeCode}”不是科目编码");
        }

        if (DenyScope(ApiCaller.From(context.User)!, parsedScope) is { } denied)
        {
            return denied;
        }

        return Results.Ok(await mediator.Send(new GetConsolidationTreeQuery(year, parsedScope, parsedTree.Value, nodeCode, depth ?? 1), cancellationToken));
    }

    private static async Task<IResult> GetDisclosureAsync(int year, string? scope, string? format, string? unit, HttpContext context, IMediator mediator, ClusterCatalogs catalogs, CancellationToken cancellationToken)
    {
        if (ApiProblems.CheckRoute(year) is { } invalid)
        {
            return invalid;
        }

        if (!DisclosureTarget.TryParse(scope, out var target) || (target.Code is { } code && ApiProblems.CheckRoute(year, code) is not null))
        {
            return ApiProblems.BadRequest("公开范围无效 (Invalid scope)", "scope 应为 unit:{code}、department:{code} 或 county");
        }

        var badFormat = !PublishedAmount.TryParseDocumentFormat(format, out var chosen);
        var badUnit = !PublishedUnits.TryParse(unit, out var published);
        if (badFormat || badUnit)
        {
            var rules = new List<string>();
            if (badFormat)
            {
                rules.Add("format: 应为 json、csv、md、html、xlsx 或 pdf");
            }

            if (badUnit)
            {
                rules.Add("unit: 应为 wanyuan（万元）或 yuan（元）");
            }

            return ApiProblems.BadRequest(badFormat ? "格式无效 (Unknown format)" : "单位无效 (Unknown unit)", string.Join("；", rules));
        }

        var caller = ApiCaller.From(context.User)!;
        var denied = target.Kind switch
        {
            DisclosureScopeKind.Unit => await BudgetEndpoints.DenyUnitAsync(caller, year, target.Code!, mediator, null, cancellationToken),
            DisclosureScopeKind.Department => DenyScope(caller, ConsolidationScope.Department(target.Code!)),
            _ => DenyScope(caller, ConsolidationScope.County),
        };
        if (denied is not null)
        {
            return denied;
        }

        if (target.Kind != DisclosureScopeKind.Unit && await ApiProblems.CheckYearHasCatalogAsync(year, catalogs) is { } noYear)
        {
            return noYear;
        }

        if (chosen is DisclosureFormat.Html or DisclosureFormat.Xlsx or DisclosureFormat.Pdf)
        {
            return await GetDisclosureDocumentAsync(year, target, chosen, published, context, mediator, cancellationToken);
        }

        var exact = await mediator.Send(new GetDisclosureQuery(year, target), cancellationToken);
        if (exact is null)
        {
            return ApiProblems.NotFound($"{target} 尚无 {year} 年预算");
        }

        var set = exact.In(published);

        return chosen switch
        {
            DisclosureFormat.Csv => Results.Text(DisclosureTextWriter.ToCsv(set), "text/csv; charset=utf-8"),
            DisclosureFormat.Markdown => Results.Text(DisclosureTextWriter.ToMarkdown(set), "text/markdown; charset=utf-8"),
            // Streamed through a buffer that spills to a temporary file: a county's tables run to hundreds of MB when
            // every unit is large (Table 7 lists every project), and a string of that size costs twice its UTF-8 bytes.
            _ => Results.Stream(
                async body =>
                {
                    await using var buffer = new FileBufferingWriteStream();
                    DisclosureJsonWriter.Write(set, buffer);
                    await buffer.DrainBufferAsync(body, cancellationToken);
                },
                "application/json; charset=utf-8"),
        };
    }

    /// <summary>The whole document as a file download: text/html, the XLSX or the PDF (503 when chromium is missing).</summary>
    private static async Task<IResult> GetDisclosureDocumentAsync(int year, DisclosureTarget target, DisclosureFormat format, PublishedUnit unit, HttpContext context, IMediator mediator, CancellationToken cancellationToken)
    {
        var document = await mediator.Send(new GetDisclosureDocumentQuery(year, target, unit), cancellationToken);
        if (document is null)
        {
            return ApiProblems.NotFound($"{target} 尚无 {year} 年预算");
        }

        var name = $"{year}-{target.ToString().Replace(':', '-')}-disclosure";
        switch (format)
        {
            case DisclosureFormat.Html:
                return Results.File(Encoding.UTF8.GetBytes(HtmlDisclosureWriter.ToHtml(document)), "text/html; charset=utf-8", $"{name}.html");
            case DisclosureFormat.Xlsx:
                return Results.File(XlsxDisclosureWriter.ToBytes(document), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{name}.xlsx");
            default:
                var printer = context.RequestServices.GetRequiredService<ChromiumPdfPrinter>();
                try
                {
                    return Results.File(await printer.PrintAsync(document, cancellationToken), "application/pdf", $"{name}.pdf");
                }
                catch (PdfPrinterUnavailableException e)
                {
                    return Results.Problem(title: "PDF 暂不可用 (PDF printer unavailable)", detail: e.Message, statusCode: StatusCodes.Status503ServiceUnavailable, type: "https://httpstatuses.io/503");
                }
        }
    }

    private static async Task<IResult> ReconcileAsync(int year, string? scope, IMediator mediator, ClusterCatalogs catalogs, CancellationToken cancellationToken)
    {
        if ((ApiProblems.CheckRoute(year) ?? await ApiProblems.CheckYearHasCatalogAsync(year, catalogs)) is { } invalid)
        {
            return invalid;
        }

        return TryParseScope(scope, out var parsed)
            ? Results.Ok(await mediator.Send(new ReconcileConsolidationCommand(year, parsed), cancellationToken))
            : ApiProblems.BadRequest("合并范围无效 (Invalid scope)", "scope 应为 county 或 department:{code}");
    }

    /// <summary>A scope parameter: the contracts' one parser, and a department code that is a valid unit code.</summary>
    internal static bool TryParseScope(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ConsolidationScope? scope) =>
        ConsolidationScope.TryParse(text, out scope) && (scope.IsCounty || ApiProblems.CheckRoute(2024, scope.DepartmentCode) is null);

    /// <summary>403 unless the caller may read the scope (<see cref="CallerAccess.DenyScope"/>).</summary>
    internal static IResult? DenyScope(ApiCaller caller, ConsolidationScope scope) =>
        CallerAccess.DenyScope(caller, scope) is { } reason ? ApiProblems.Forbidden(reason) : null;
}
