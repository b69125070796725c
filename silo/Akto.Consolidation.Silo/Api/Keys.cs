using Akto.Consolidation.Application.Behaviors;
using System.Text.RegularExpressions;
using Akto.Consolidation.Silo.Security;
using Mediator;

namespace Akto.Consolidation.Silo.Api;

/// <summary>Body of <c>POST /api/v1/keys</c>.</summary>
public sealed record CreateApiKeyRequest(string? Role, string? Scope, string? Description);

/// <summary>Creates an API key; the secret is returned once and never stored.</summary>
public sealed partial record CreateApiKeyCommand(string? Role, string? Scope, string? Description)
    : ICommand<CreatedApiKey>, IValidatedMessage
{
    public IReadOnlyDictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (!AktoRoles.IsKnown(Role))
        {
            errors["role"] = [$"角色须为 {string.Join(" / ", AktoRoles.All)} 之一 (role must be one of them)"];
        }
        else if (AktoRoles.NeedsScope(Role!) && (Scope is null || !ScopePattern().IsMatch(Scope)))
        {
            errors["scope"] = ["部门和单位密钥须指定范围代码（1–64 位字母、数字、. _ -）(department and unit keys need a scope code)"];
        }
        else if (!AktoRoles.NeedsScope(Role!) && Scope is not null)
        {
            errors["scope"] = ["财政局密钥不带范围 (finance-bureau keys have no scope)"];
        }

        if (Description is { Length: > 200 })
        {
            errors["description"] = ["说明不得超过 200 字 (description is limited to 200 characters)"];
        }

        return errors;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex ScopePattern();
}

public sealed class CreateApiKeyHandler(ApiKeyStore keys) : ICommandHandler<CreateApiKeyCommand, CreatedApiKey>
{
    public async ValueTask<CreatedApiKey> Handle(CreateApiKeyCommand command, CancellationToken cancellationToken) =>
        await keys.CreateAsync(command.Role!, command.Scope, command.Description ?? "", cancellationToken);
}
