using System.Net;
using System.Net.Http.Json;
using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Channels.Email;
using Heliodesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Heliodesk.Tests.Email;

/// <summary>
/// Mailboxes that log in with an OAuth 2 access token (SASL XOAUTH2), against the real Dovecot. Dovecot
/// passes an XOAUTH2 token to its passdb like a password, so the fixture's password serves as the token;
/// its log shows which SASL method each login used.
/// </summary>
public sealed class MailboxOAuth2Tests(TestDatabases databases, MailServer mail)
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_mailbox_logs_in_with_an_access_token_kept_encrypted_and_an_operator_can_rotate_it(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var support = await mail.NewAddressAsync(MailServer.SupportDomain);
        var customer = await mail.NewAddressAsync(MailServer.CustomerDomain);
        object Body(string token) => new
        {
            name = "Support",
            address = support,
            imap = new { host = MailServer.Host, port = mail.ImapPort, security = "none", auth = "oauth2", userName = support, accessToken = token },
        };

        var created = await (await ws.Owner.PostAsJsonAsync("/api/v1/mailboxes", Body(MailServer.Password), TestApi.Json)).ReadAsync<MailboxResponse>(HttpStatusCode.Created);
        Assert.Equal((MailAuth.Oauth2, true), (created.Imap!.Auth, created.Imap.HasPassword));
        await ws.ReceiveMailAsync(mail, created.Id, EmailTestApi.CustomerMail(customer, support, "Token login", "Hello over XOAUTH2."));

        Assert.Single(await ws.TicketsOfAsync(customer));
        Assert.Contains($"user=<{support}>, method=XOAUTH2", mail.DovecotLog(), StringComparison.Ordinal);
        using (var scope = app.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<WorkspaceScope>().Enter(ws.Id);
            var stored = await scope.ServiceProvider.GetRequiredService<HeliodeskDb>().Set<Mailbox>().AsNoTracking().SingleAsync();
            Assert.DoesNotContain(MailServer.Password, stored.ImapPasswordProtected!, StringComparison.Ordinal);
        }

        // An expired token fails the check with the server's answer; the operator puts the fresh one.
        (await ws.Owner.PutAsJsonAsync($"/api/v1/mailboxes/{created.Id}", Body("expired-token"), TestApi.Json)).EnsureSuccessStatusCode();
        var refused = await (await ws.Owner.PostAsync($"/api/v1/mailboxes/{created.Id}/check", null)).ReadAsync<MailboxCheckResponse>(HttpStatusCode.OK);
        Assert.False(refused.ImapOk);
        (await ws.Owner.PutAsJsonAsync($"/api/v1/mailboxes/{created.Id}", Body(MailServer.Password), TestApi.Json)).EnsureSuccessStatusCode();
        var check = await (await ws.Owner.PostAsync($"/api/v1/mailboxes/{created.Id}/check", null)).ReadAsync<MailboxCheckResponse>(HttpStatusCode.OK);
        Assert.True(check.ImapOk, check.ImapError);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_password_and_a_token_are_not_mixed_up(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var support = await mail.NewAddressAsync(MailServer.SupportDomain);
        var withPassword = await ws.ConnectMailboxAsync(mail, support);

        var mixed = new { name = "S", address = support, imap = new { host = MailServer.Host, port = mail.ImapPort, auth = "oauth2", userName = support, password = "x" } };
        await (await ws.Owner.PutAsJsonAsync($"/api/v1/mailboxes/{withPassword.Id}", mixed, TestApi.Json)).AssertFieldErrorAsync("imap.password");
        var switched = new { name = "S", address = support, imap = new { host = MailServer.Host, port = mail.ImapPort, auth = "oauth2", userName = support } };
        await (await ws.Owner.PutAsJsonAsync($"/api/v1/mailboxes/{withPassword.Id}", switched, TestApi.Json)).AssertFieldErrorAsync("imap.accessToken");
        var tokenOnSmtp = new { name = "S", address = support, smtp = new { host = MailServer.Host, port = mail.SmtpPort, userName = support, accessToken = "t" } };
        await (await ws.Owner.PutAsJsonAsync($"/api/v1/mailboxes/{withPassword.Id}", tokenOnSmtp, TestApi.Json)).AssertFieldErrorAsync("smtp.accessToken");
    }
}
