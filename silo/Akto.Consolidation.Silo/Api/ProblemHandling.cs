using Akto.Consolidation.Application.Behaviors;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Orleans.Runtime;
using Orleans.Storage;

namespace Akto.Consolidation.Silo.Api;

/// <summary>Limits on requests, documented in the README.</summary>
public static class RequestLimits
{
    /// <summary>Largest accepted request body: the size of the largest budget document the reader accepts (16 MiB).</summary>
    public const long MaxBodyBytes = Domain.Documents.BudgetDocumentReader.MaxBytes;
}

/// <summary>
/// Turns every exception that reaches the pipeline into RFC 7807 problem details: client mistakes
/// (malformed JSON, oversized bodies, invalid arguments) keep their 4xx status, version conflicts are
/// 409, an unreachable cluster is 503; only genuine faults remain 500.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = Classify(exception);
        if (status >= 500)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }

        var problem = exception is RequestValidationException invalid
            ? new HttpValidationProblemDetails(invalid.Errors.ToDictionary(e => e.Key, e => e.Value))
            : new ProblemDetails();
        problem.Status = status;
        problem.Title = title;
        problem.Detail = detail;
        problem.Type = $"https://httpstatuses.io/{status}";

        httpContext.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = problem,
        });
    }

    private static (int Status, string Title, string? Detail) Classify(Exception exception) => exception switch
    {
        Domain.Classification.CatalogNotFoundException missing => (404, "未找到 (Not found)", missing.Message),
        RequestValidationException invalid => (400, "请求字段无效 (Invalid request fields)", invalid.Message),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (413, "请求体过大 (Payload too large)", BodyTooLarge),
        BadHttpRequestException { InnerException: JsonException json } => (400, "JSON 格式错误 (Malformed JSON)", json.Message),
        BadHttpRequestException bad => (bad.StatusCode, "请求无效 (Bad request)", bad.Message),
        JsonException json => (400, "JSON 格式错误 (Malformed JSON)", json.Message),
        ArgumentException argument => (400, "请求无效 (Bad request)", argument.Message),
        FormatException format => (400, "请求无效 (Bad request)", format.Message),
        InconsistentStateException => (409, "版本冲突 (Version conflict)", "数据已被其他请求修改，请重新读取后再提交 (the data changed; read it again and retry)"),
        SiloUnavailableException or TimeoutException => (503, "服务暂不可用 (Service unavailable)", "集群暂时无法处理请求，请稍后重试 (the cluster cannot serve the request now; retry later)"),
        OperationCanceledException => (499, "请求已取消 (Request cancelled)", null),
        _ => (500, "服务器内部错误 (Internal server error)", null),
    };

    public static readonly string BodyTooLarge = $"请求体不得超过 {RequestLimits.MaxBodyBytes / 1024 / 1024} MiB (request bodies are limited to {RequestLimits.MaxBodyBytes / 1024 / 1024} MiB)";
}

/// <summary>Refuses a declared body above <see cref="RequestLimits.MaxBodyBytes"/> before any endpoint reads it.</summary>
public sealed class RequestSizeLimitMiddleware(RequestDelegate next, IProblemDetailsService problemDetails)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > RequestLimits.MaxBodyBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problemDetails.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = 413,
                    Title = "请求体过大 (Payload too large)",
                    Detail = ProblemExceptionHandler.BodyTooLarge,
                    Type = "https://httpstatuses.io/413",
                },
            });
            return;
        }

        await next(context);
    }
}
