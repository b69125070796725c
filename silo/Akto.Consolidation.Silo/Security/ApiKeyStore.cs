using System.Security.Cryptography;
using System.Text;
using Akto.Consolidation.Silo.Storage;

namespace Akto.Consolidation.Silo.Security;

/// <summary>A key as shown once at creation: <see cref="Key"/> is the secret the caller sends as a Bearer token.</summary>
public sealed record CreatedApiKey(string KeyId, string Key, string Role, string? Scope, string Description);

/// <summary>
/// API keys in the silo's database. A key reads <c>akto_{id}_{secret}</c>; only HMAC-SHA256(salt, key)
/// and the per-key random salt are stored, so a database dump reveals no usable key.
/// The bootstrap admin key (any string the operator chooses) is stored under the id <c>bootstrap</c>.
/// </summary>
public sealed class ApiKeyStore(AktoDatabase database)
{
    public const string BootstrapKeyId = "bootstrap";
    private const string Prefix = "akto_";

    public async Task<CreatedApiKey> CreateAsync(string role, string? scope, string description, CancellationToken cancellationToken)
    {
        if (!AktoRoles.IsKnown(role))
        {
            throw new ArgumentException($"Unknown role '{role}'.", nameof(role));
        }

        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var key = $"{Prefix}{keyId}_{Base64Url(RandomNumberGenerator.GetBytes(32))}";
        await SaveAsync(keyId, key, role, scope, description, replace: false, cancellationToken);
        return new CreatedApiKey(keyId, key, role, scope, description);
    }

    /// <summary>Registers (or replaces) the operator's bootstrap key as a finance-bureau key.</summary>
    public Task RegisterBootstrapKeyAsync(string key, CancellationToken cancellationToken) =>
        SaveAsync(BootstrapKeyId, key, AktoRoles.FinanceBureau, null, "AKTO_BOOTSTRAP_ADMIN_KEY", replace: true, cancellationToken);

    /// <summary>The caller a presented key stands for, or null when it is unknown, revoked or wrong.</summary>
    public async Task<ApiCaller?> VerifyAsync(string presented, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(presented) || presented.Length > 512)
        {
            return null;
        }

        // A structured key names its row; anything else can only be the operator's bootstrap key.
        var parsed = ParseKeyId(presented);
        if (parsed is not null && await FindAsync(parsed, presented, cancellationToken) is { } caller)
        {
            return caller;
        }

        return await FindAsync(BootstrapKeyId, presented, cancellationToken);
    }

    /// <summary>Whether a key id still stands (not revoked): a signed-in page session ends when its key is revoked.</summary>
    public async Task<bool> IsActiveAsync(string keyId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = database.Command(connection,
            "SELECT 1 FROM akto_api_keys WHERE key_id = @keyId AND revoked_at IS NULL",
            ("keyId", keyId));
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    private async Task<ApiCaller?> FindAsync(string keyId, string presented, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = database.Command(connection,
            "SELECT role, scope, salt, hash FROM akto_api_keys WHERE key_id = @keyId AND revoked_at IS NULL",
            ("keyId", keyId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var role = reader.GetString(0);
        var scope = reader.IsDBNull(1) ? null : reader.GetString(1);
        var salt = (byte[])reader.GetValue(2);
        var hash = (byte[])reader.GetValue(3);
        return CryptographicOperations.FixedTimeEquals(Hash(salt, presented), hash) ? new ApiCaller(keyId, role, scope) : null;
    }

    private async Task SaveAsync(string keyId, string key, string role, string? scope, string description, bool replace, CancellationToken cancellationToken)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var sql = """
            INSERT INTO akto_api_keys (key_id, role, scope, description, salt, hash, created_at)
            VALUES (@keyId, @role, @scope, @description, @salt, @hash, @createdAt)
            """;
        if (replace)
        {
            sql += """

                ON CONFLICT (key_id) DO UPDATE SET role = excluded.role, scope = excluded.scope,
                    description = excluded.description, salt = excluded.salt, hash = excluded.hash,
                    created_at = excluded.created_at, revoked_at = NULL
                """;
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = database.Command(connection, sql,
            ("keyId", keyId), ("role", role), ("scope", scope), ("description", description),
            ("salt", salt), ("hash", Hash(salt, key)), ("createdAt", DateTime.UtcNow));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string? ParseKeyId(string presented)
    {
        if (!presented.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var end = presented.IndexOf('_', Prefix.Length);
        return end > Prefix.Length ? presented[Prefix.Length..end] : null;
    }

    private static byte[] Hash(byte[] salt, string key) => HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(key));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
