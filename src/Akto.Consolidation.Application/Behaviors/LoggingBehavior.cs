using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Akto.Consolidation.Application.Behaviors;

/// <summary>Logs every command and query with its duration; failures with their exception.</summary>
public sealed partial class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            LogHandled(typeof(TMessage).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (RequestValidationException)
        {
            LogInvalid(typeof(TMessage).Name);
            throw;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(exception, typeof(TMessage).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Message} handled in {ElapsedMs:0.0} ms")]
    private partial void LogHandled(string message, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Message} refused: invalid request fields")]
    private partial void LogInvalid(string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Message} failed after {ElapsedMs:0.0} ms")]
    private partial void LogFailed(Exception exception, string message, double elapsedMs);
}
