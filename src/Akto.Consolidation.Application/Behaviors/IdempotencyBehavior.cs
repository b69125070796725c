using Mediator;

namespace Akto.Consolidation.Application.Behaviors;

/// <summary>
/// A command a client may retry: with the same <see cref="IdempotencyKey"/> it returns the first result instead of
/// applying twice. The first result itself is kept durably by the grain that applies the command (the unit grain
/// remembers results per client request id), so retries work across restarts and silos.
/// </summary>
public interface IIdempotentCommand
{
    string? IdempotencyKey { get; }
}

/// <summary>Checks idempotency keys before a command reaches its grain: printable, at most 128 characters.</summary>
public sealed class IdempotencyBehavior<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public const int MaxKeyLength = 128;

    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is IIdempotentCommand { IdempotencyKey: { } key } && (key.Length is 0 or > MaxKeyLength || key.Any(char.IsControl)))
        {
            throw new RequestValidationException(new Dictionary<string, string[]>
            {
                ["Idempotency-Key"] = [$"幂等键须为 1–{MaxKeyLength} 个可打印字符 (the Idempotency-Key must be 1–{MaxKeyLength} printable characters)"],
            });
        }

        return next(message, cancellationToken);
    }
}
