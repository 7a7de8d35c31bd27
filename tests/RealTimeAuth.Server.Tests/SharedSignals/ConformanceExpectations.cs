using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.SharedSignals.Effects;
using RealTimeAuth.Server.SharedSignals.Streams;

namespace RealTimeAuth.Server.Tests.SharedSignals;

/// <summary>
/// For each conformance SET: the sessions (or state) to set up before it is delivered, and what must be true after
/// it is applied. The arrangement returns the assertion.
/// </summary>
internal static class ConformanceExpectations
{
    public delegate Task<Func<ReceivedSetEntity, Task>> Arrange(SsfServer server);

    public static readonly IReadOnlyDictionary<string, Arrange> ByFile = new Dictionary<string, Arrange>(StringComparer.Ordinal)
    {
        ["caep-assurance-level-change-1-nist-aal-increase.json"] = server =>
            ContextAttribute(server, "https://idp.example.com/3456789/", "jane.smith@example.com", SubjectAttributes.AssuranceLevel, "nist-aal2"),
        ["caep-assurance-level-change-2-custom-namespace.json"] = server =>
            ContextAttribute(server, "https://idp.example.com/3456789/", "jane.smith@example.com", SubjectAttributes.AssuranceLevel, "Retinal Scan/hi-res-scan"),
        ["caep-credential-change-1-fido2-create.json"] = async server =>
        {
            var session = await server.CreateSessionAsync("https://idp.example.com/3456789/", "jane.smith@example.com");
            return async set =>
            {
                Assert.Equal(SetEffectCodes.NotRevokingChange, set.Effect);
                Assert.Equal("Active", (await server.SessionAsync(session.Id)).Status);
            };
        },
        ["caep-device-compliance-change-1-complex-device-tenant.json"] = server => Effect(SetEffectCodes.SubjectNotMappable),
        ["caep-risk-level-change-1.json"] = server =>
            ContextAttribute(server, "https://idp.example.com/3456789/", "jane.doe@example.com", SubjectAttributes.RiskLevel, "low"),
        ["caep-session-established-1.json"] = server => Effect(SetEffectCodes.Recorded),
        ["caep-session-presented-1.json"] = server => Effect(SetEffectCodes.Recorded),
        ["caep-session-revoked-1-simple-opaque-subject.json"] = async server =>
        {
            var named = await server.CreateSessionAsync("https://idp.example.com/", $"user-{Guid.NewGuid():N}", idpSessionId: "dMTlD|1600802906337.16|16008.16");
            var other = await server.CreateSessionAsync("https://idp.example.com/", named.Subject, idpSessionId: "another-idp-session");
            return async set =>
            {
                Assert.Equal(SetEffectCodes.SessionsRevoked, set.Effect);
                Assert.Equal("Revoked", (await server.SessionAsync(named.Id)).Status);
                Assert.Equal(RtaRevocationReasons.CaepSessionRevoked, (await server.SessionAsync(named.Id)).RevocationReason);
                Assert.Equal("Active", (await server.SessionAsync(other.Id)).Status);
            };
        },
        ["caep-session-revoked-2-complex-session-user-tenant.json"] = async server =>
        {
            const string Issuer = "https://idp.example.com/123456789/";
            const string Subject = "99beb27c-c1c2-4955-882a-e0dc4996fcbc";
            var named = await server.CreateSessionAsync(Issuer, Subject, idpSessionId: "dMTlD|1600802906337.16|16008.16");
            var unknown = await server.CreateSessionAsync(Issuer, Subject);
            var other = await server.CreateSessionAsync(Issuer, Subject, idpSessionId: "another-idp-session");
            return async set =>
            {
                Assert.Equal(SetEffectCodes.SessionsRevoked, set.Effect);
                Assert.Equal("Revoked", (await server.SessionAsync(named.Id)).Status);
                Assert.Equal("Revoked", (await server.SessionAsync(unknown.Id)).Status);
                Assert.Equal("Active", (await server.SessionAsync(other.Id)).Status);
            };
        },
        ["caep-session-revoked-3-complex-user-device-tenant.json"] = server =>
            UserRevoked(server, "https://idp.example.com/123456789/", "jane.smith@example.com", SetEffectCodes.SessionsRevoked),
        ["caep-token-claims-change-1-oidc-jwt_id-required.json"] = server => Effect(SetEffectCodes.SubjectNotMappable),
        ["caep-token-claims-change-2-oidc-jwt_id-optional.json"] = server => Effect(SetEffectCodes.SubjectNotMappable),
        ["caep-token-claims-change-3-saml_assertion_id.json"] = server => Effect(SetEffectCodes.SubjectNotMappable),
        ["risc-account-credential-change-required-1.json"] = async server =>
        {
            var assert = await UserRevoked(server, "https://idp.example.com/", "7375626A656374", SetEffectCodes.SessionsRevoked);
            return async set =>
            {
                await assert(set);
                Assert.Null(await Status(server, "iss_sub", "https://idp.example.com", "7375626A656374", set.Jti));
            };
        },
        ["risc-account-disabled-1.corrected.json"] = server =>
            Blocked(server, "https://idp.example.com/", "7375626A656374", "disabled"),
        ["risc-credential-compromise-1.json"] = server =>
            Blocked(server, "https://idp.example.com/3456790/", "joe.smith@example.com", "compromised"),
        ["risc-identifier-changed-1.json"] = async server =>
        {
            var session = await server.CreateSessionAsync("https://idp.example.com/", $"user-{Guid.NewGuid():N}", email: "john.doe@example.com");
            return async set =>
            {
                Assert.Equal(SetEffectCodes.MappingUpdated, set.Effect);
                Assert.Equal("john.roe@example.com", (await server.ContextAsync(session.Id)).Attributes[SubjectAttributes.Email].AsString());
                Assert.Equal("Active", (await server.SessionAsync(session.Id)).Status);
            };
        },
        ["risc-identifier-recycled-1.json"] = async server =>
        {
            var session = await server.CreateSessionAsync("https://idp.example.com/", $"user-{Guid.NewGuid():N}", email: "foo@example.com");
            return async set =>
            {
                Assert.Equal(SetEffectCodes.MappingBroken, set.Effect);
                Assert.Equal(RtaRevocationReasons.RiscIdentifierRecycled, (await server.SessionAsync(session.Id)).RevocationReason);
            };
        },
        ["ssf-caep-session-revoked-1-complex-user-device.json"] = server =>
            UserRevoked(server, "https://idp.example.com/3957ea72-1b66-44d6-a044-d805712b9288/", "jane.smith@example.com", SetEffectCodes.SessionsRevoked),
        ["ssf-caep-token-claims-change-1-properties.json"] = server =>
            ContextAttribute(server, "https://idp.example.com/", $"user-{Guid.NewGuid():N}", "user.claim.token", "some-token-value", email: "user@example.com"),
        ["ssf-caep-token-claims-change-2-simple-subject-property.json"] = async server =>
        {
            var session = await server.CreateSessionAsync("https://sp.example2.com/", $"user-{Guid.NewGuid():N}", email: "foo@example2.com");
            return async set =>
            {
                Assert.Equal(SetEffectCodes.ContextUpdated, set.Effect);
                Assert.Equal<string>(["ro-admin"], [.. (await server.ContextAsync(session.Id)).Attributes[SubjectAttributes.Roles].AsStringList()]);
            };
        },
        ["ssf-caep-token-claims-change-3-proprietary-catalog_item-subject.json"] = server => Effect(SetEffectCodes.SubjectNotMappable),
        ["ssf-risc-account-disabled-1-phone_number-subject.json"] = async server =>
        {
            var session = await server.CreateSessionAsync("https://idp.example.com/", $"user-{Guid.NewGuid():N}", phone: "+1-206-555-0123");
            return async set =>
            {
                Assert.Equal(SetEffectCodes.SubjectBlocked, set.Effect);
                Assert.Equal(RtaRevocationReasons.RiscAccountDisabled, (await server.SessionAsync(session.Id)).RevocationReason);
                Assert.Equal("disabled", (await Status(server, "phone_number", "https://idp.example.com", "+12065550123", set.Jti))?.Status);
            };
        },
        ["ssf-risc-account-enabled-1-simple-email-subject.json"] = async server =>
        {
            await server.QueryAsync(async db =>
            {
                db.SubjectStatuses.Add(new SubjectStatusEntity
                {
                    Format = "email",
                    Issuer = "https://idp.example.com",
                    Value = "foo@example.com",
                    SetBy = TestStreams.Issuer,
                    Status = "disabled",
                    EventType = "test",
                    Jti = "test",
                });
                return await db.SaveChangesAsync();
            });
            return async set =>
            {
                Assert.Equal(SetEffectCodes.SubjectUnblocked, set.Effect);
                Assert.Equal(0, await server.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
                    db.SubjectStatuses, row => row.Format == "email" && row.Value == "foo@example.com")));
            };
        },
        ["ssf-stream-updated-1-paused.json"] = server => StreamState(server, SetEffectCodes.StreamStatusUpdated, stream => Assert.Equal(SsfStreamStatus.Paused, stream.TransmitterStatus)),
        ["ssf-verification-1-array-aud.json"] = server => StreamState(server, SetEffectCodes.VerificationRecorded,
            stream => Assert.Equal("VGhpcyBpcyBhbiBleGFtcGxlIHN0YXRlIHZhbHVlLgo=", stream.LastVerificationState)),
        ["ssf-verification-2-triggered-with-state.json"] = server => StreamState(server, SetEffectCodes.VerificationRecorded,
            stream => Assert.NotNull(stream.LastVerifiedAt)),
    };

    private static Task<Func<ReceivedSetEntity, Task>> Effect(string effect) =>
        Task.FromResult<Func<ReceivedSetEntity, Task>>(set =>
        {
            Assert.Equal(effect, set.Effect);
            Assert.Equal("applied", set.Status);
            return Task.CompletedTask;
        });

    private static async Task<Func<ReceivedSetEntity, Task>> ContextAttribute(
        SsfServer server, string issuer, string subject, string attribute, string expected, string? email = null)
    {
        var session = await server.CreateSessionAsync(issuer, subject, email: email);
        return async set =>
        {
            Assert.Equal(SetEffectCodes.ContextUpdated, set.Effect);
            Assert.Equal(expected, (await server.ContextAsync(session.Id)).Attributes[attribute].AsString());
            Assert.NotEqual(session.ContextHash.ToArray(), (await server.SessionAsync(session.Id)).ContextHash);
        };
    }

    private static async Task<Func<ReceivedSetEntity, Task>> UserRevoked(SsfServer server, string issuer, string subject, string effect)
    {
        var first = await server.CreateSessionAsync(issuer, subject);
        var second = await server.CreateSessionAsync(issuer, subject);
        return async set =>
        {
            Assert.Equal(effect, set.Effect);
            Assert.Equal("Revoked", (await server.SessionAsync(first.Id)).Status);
            Assert.Equal("Revoked", (await server.SessionAsync(second.Id)).Status);
        };
    }

    private static async Task<Func<ReceivedSetEntity, Task>> Blocked(SsfServer server, string issuer, string subject, string status)
    {
        var revoked = await UserRevoked(server, issuer, subject, SetEffectCodes.SubjectBlocked);
        return async set =>
        {
            await revoked(set);
            Assert.Equal(status, (await Status(server, "iss_sub", issuer.TrimEnd('/'), subject, set.Jti))?.Status);
        };
    }

    private static Task<SubjectStatusEntity?> Status(SsfServer server, string format, string issuer, string value, string jti) =>
        server.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleOrDefaultAsync(
            db.SubjectStatuses, row => row.Format == format && row.Issuer == issuer && row.Value == value && row.Jti == jti));

    private static Task<Func<ReceivedSetEntity, Task>> StreamState(SsfServer server, string effect, Action<SsfStreamEntity> check) =>
        Task.FromResult<Func<ReceivedSetEntity, Task>>(async set =>
        {
            Assert.Equal(effect, set.Effect);
            check(await server.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
                db.SsfStreams, stream => stream.Id == set.StreamId)));
        });
}
