using Akto.Consolidation.Application.Consolidation;
using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Classification;
using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Silo.Security;
using Mediator;

namespace Akto.Consolidation.Silo.Api;

/// <summary>明细穿透: which units and projects make up a node of the county's or a department's tree.</summary>
public static class ContributorsEndpoints
{
    public static RouteGroupBuilder MapContributorsEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/years/{year:int}/consolidation/{tree}/{code}/contributors", GetAsync)
            .WithTags("Consolidation")
            .WithName("GetNodeContributors")
            .WithSummary("The units and projects contributing to a node (类, 款, 项 or root): ?scope=county|department:{code}; exact 万元, largest first");
        return api;
    }

    private static async Task<IResult> GetAsync(int year, string tree, string code, string? scope, HttpContext context, IMediator mediator, ClusterCatalogs catalogs, CancellationToken cancellationToken)
    {
        if ((ApiProblems.CheckRoute(year) ?? await ApiProblems.CheckYearHasCatalogAsync(year, catalogs)) is { } invalid)
        {
            return invalid;
        }

        var problems = new Dictionary<string, string[]>();
        var parsedTree = ClassificationCodes.ParseTree(tree);
        if (parsedTree is null)
        {
            problems["tree"] = ["分类应为 function（功能分类）或 economic（经济分类） (tree must be function or economic)"];
        }

        if (!IsNodeCode(code, parsedTree))
        {
            problems["code"] = [$"“{code}”不是该分类的科目编码或 root (not a code of this tree)"];
        }

        if (!ConsolidationEndpoints.TryParseScope(scope, out var parsedScope))
        {
            problems["scope"] = ["scope 应为 county 或 department:{code} (scope must be county or department:{code})"];
        }

        if (problems.Count > 0)
        {
            return Results.ValidationProblem(problems, title: "请求无效 (Invalid request)", type: "https://httpstatuses.io/400");
        }

        if (ConsolidationEndpoints.DenyScope(ApiCaller.From(context.User)!, parsedScope!) is { } denied)
        {
            return denied;
        }

        return Results.Ok(await mediator.Send(new GetNodeContributorsQuery(year, parsedScope!, parsedTree!.Value, code), cancellationToken));
    }

    /// <summary>root, or a 类 / 款 (/ 项 in the function tree) code of digits.</summary>
    private static bool IsNodeCode(string code, ClassificationTree? tree) =>
        code == NodeKey.RootCode
        || (code.All(char.IsAsciiDigit) && (code.Length is 3 or 5 || (code.Length == 7 && tree != ClassificationTree.Economic)));
}
