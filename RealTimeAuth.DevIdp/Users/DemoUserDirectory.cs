using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using RealTimeAuth.DevIdp.Options;
using RealTimeAuth.DevIdp.SharedSignals;

namespace RealTimeAuth.DevIdp.Users;

/// <summary>
/// The demo users from <c>DevIdp:Users</c>, held in memory. Development only: passwords come
/// from configuration in clear text, so only their SHA-256 digests are kept and compared in
/// constant time. A user disabled through the Shared Signals trigger API is found by neither
/// <see cref="FindBySubject"/> nor <see cref="ValidateCredentials"/>: no sign-in, no tokens.
/// </summary>
internal sealed class DemoUserDirectory
{
    private readonly Dictionary<string, Entry> _byEmail;
    private readonly Dictionary<string, DemoUser> _bySubject;
    private readonly byte[] _decoyDigest = SHA256.HashData(RandomNumberGenerator.GetBytes(32));

    private readonly UserAccountStatus _accounts;

    public DemoUserDirectory(IOptions<DevIdpOptions> options, UserAccountStatus accounts)
    {
        _accounts = accounts;
        _byEmail = new(StringComparer.OrdinalIgnoreCase);
        _bySubject = new(StringComparer.Ordinal);
        foreach (var configured in options.Value.Users)
        {
            var user = new DemoUser(
                configured.SubjectId,
                configured.Email,
                string.IsNullOrWhiteSpace(configured.Name) ? configured.Email : configured.Name,
                [.. configured.Roles]);
            _byEmail[user.Email] = new Entry(user, Digest(configured.Password));
            _bySubject[user.SubjectId] = user;
        }
    }

    /// <summary>All users, for seeding and diagnostics; never exposes passwords.</summary>
    public IEnumerable<DemoUser> Users => _bySubject.Values;

    /// <summary>The user with this subject id, or <see langword="null"/>.</summary>
    public DemoUser? FindBySubject(string? subjectId) =>
        subjectId is not null && _bySubject.TryGetValue(subjectId, out var user) && !_accounts.IsDisabled(user.SubjectId) ? user : null;

    /// <summary>The user with this subject id or e-mail, disabled or not (for the trigger API).</summary>
    public DemoUser? FindAny(string subjectOrEmail) =>
        _bySubject.TryGetValue(subjectOrEmail, out var user) ? user
        : _byEmail.TryGetValue(subjectOrEmail.Trim(), out var entry) ? entry.User : null;

    /// <summary>
    /// The user whose e-mail and password match, or <see langword="null"/>. An unknown e-mail costs
    /// the same comparison as a wrong password, so timing does not tell which one it was.
    /// </summary>
    public DemoUser? ValidateCredentials(string? email, string? password)
    {
        var supplied = Digest(password ?? "");
        var found = email is not null && _byEmail.TryGetValue(email.Trim(), out var entry) ? entry : null;
        var matches = CryptographicOperations.FixedTimeEquals(supplied, found?.PasswordDigest ?? _decoyDigest);
        return matches && found is not null && !_accounts.IsDisabled(found.User.SubjectId) ? found.User : null;
    }

    private static byte[] Digest(string password) => SHA256.HashData(Encoding.UTF8.GetBytes(password));

    private sealed record Entry(DemoUser User, byte[] PasswordDigest);
}
