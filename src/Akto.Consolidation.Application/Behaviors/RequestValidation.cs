using Mediator;

namespace Akto.Consolidation.Application.Behaviors;

/// <summary>A message that can tell what is wrong with itself, field by field.</summary>
public interface IValidatedMessage
{
    IReadOnlyDictionary<string, string[]> Validate();
}

/// <summary>A request the caller must fix; the API renders it as a 400 validation problem.</summary>
public sealed class RequestValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("请求字段无效 (invalid request fields)")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}

/// <summary>Validates every <see cref="IValidatedMessage"/> before its handler runs.</summary>
public sealed class ValidationBehavior<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is IValidatedMessage validated && validated.Validate() is { Count: > 0 } errors)
        {
            throw new RequestValidationException(errors);
        }

        return next(message, cancellationToken);
    }
}
