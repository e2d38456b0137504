using System.Net;
using System.Net.Http.Json;
using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Channels.Email;
using Heliodesk.Features.Tickets;
using Heliodesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Heliodesk.Tests.Email;

/// <summary>Admins manage mailboxes, templates and the dev mailbox; secrets stay secret.</summary>
public sealed class MailboxAdminTests(TestDatabases databases, MailServer mail)
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_mailbox_password_is_stored_encrypted_never_returned_and_kept_when_an_update_omits_it(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var support = await mail.NewAddressAsync(MailServer.SupportDomain);
        var created = await ws.ConnectMailboxAsync(mail, support);
        Assert.True(created.Imap!.HasPassword);
        var listed = await (await ws.Owner.GetAsync("/api/v1/mailboxes")).ReadAsync<string>(HttpStatusCode.OK, raw: true);
        Assert.DoesNotContain(MailServer.Password, listed, StringComparison.Ordinal);
        Assert.Equal(support, Assert.Single(await (await ws.Owner.GetAsync("/api/v1/mailboxes")).ReadAsync<List<MailboxResponse>>(HttpStatusCode.OK)).Address);

        using (var scope = app.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<WorkspaceScope>().Enter(ws.Id);
            var stored = await scope.ServiceProvider.GetRequiredService<HeliodeskDb>().Set<Mailbox>().AsNoTracking().SingleAsync();
            Assert.DoesNotContain(MailServer.Password, stored.ImapPasswordProtected!, StringComparison.Ordinal);
        }

        // Renamed without sending the password again: it still logs in.
        var body = new { name = "Billing", address = support, imap = new { host = MailServer.Host, port = mail.ImapPort, security = "none", userName = support } };
        var renamed = await (await ws.Owner.PutAsJsonAsync($"/api/v1/mailboxes/{created.Id}", body, TestApi.Json)).ReadAsync<MailboxResponse>(HttpStatusCode.OK);
        Assert.Equal(("Billing", true, null), (renamed.Name, renamed.Imap!.HasPassword, renamed.Smtp));
        var check = await (await ws.Owner.PostAsync($"/api/v1/mailboxes/{created.Id}/check", null)).ReadAsync<MailboxCheckResponse>(HttpStatusCode.OK);
        Assert.True(check.ImapOk, check.ImapError);
        Assert.False(check.SmtpOk);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Only_admins_manage_mailboxes_and_addresses_are_checked(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var agent = await app.InviteAgentAsync(ws);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Client.GetAsync("/api/v1/mailboxes")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Client.GetAsync("/api/v1/dev-mailbox")).StatusCode);

        await (await ws.Owner.PostAsJsonAsync("/api/v1/mailboxes", new { name = "Support", address = "not an address" }, TestApi.Json)).AssertFieldErrorAsync("address");
        var first = await ws.Owner.PostAsJsonAsync("/api/v1/mailboxes", new { name = "Support", address = "help@acme.example" }, TestApi.Json);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var again = await ws.Owner.PostAsJsonAsync("/api/v1/mailboxes", new { name = "Support", address = "HELP@acme.example" }, TestApi.Json);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Without_smtp_mail_is_captured_in_the_dev_mailbox_in_the_customers_language(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var (ws, support, customer, mailbox) = await app.SupportDeskAsync(mail, smtp: false);
        var spanish = EmailTestApi.CustomerMail(customer, support, "No puedo entrar", "Olvidé mi contraseña.");
        spanish.Headers.Add("Content-Language", "es");
        await ws.ReceiveMailAsync(mail, mailbox.Id, spanish);
        var ticket = Assert.Single(await ws.TicketsOfAsync(customer));
        await ws.Owner.ReplyAsync(ticket.Id, "Te enviamos un enlace.");
        await app.DeliverOutboxAsync();

        var page = await (await ws.Owner.GetAsync($"/api/v1/dev-mailbox?to={customer}")).ReadAsync<CapturedEmailPage>(HttpStatusCode.OK);
        Assert.Equal([OutboundPurpose.Reply, OutboundPurpose.Acknowledgement], page.Items.Select(i => i.Purpose));
        var acknowledgement = await (await ws.Owner.GetAsync($"/api/v1/dev-mailbox/{page.Items[1].Id}")).ReadAsync<CapturedEmail>(HttpStatusCode.OK);
        Assert.StartsWith("Hola, Ana Customer:", acknowledgement.Text, StringComparison.Ordinal);
        Assert.Equal(spanish.MessageId, acknowledgement.InReplyTo);
        var reply = await (await ws.Owner.GetAsync($"/api/v1/dev-mailbox/{page.Items[0].Id}")).ReadAsync<CapturedEmail>(HttpStatusCode.OK);
        Assert.Contains("Te enviamos un enlace.", reply.Text, StringComparison.Ordinal);
        Assert.Equal(DeliveryState.Captured, (await ws.TicketEmailsAsync(ticket.Id)).Outbound[1].State);
        Assert.Empty(await mail.InboxAsync(customer, 0));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_workspace_words_its_own_acknowledgement_per_language(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var builtIn = await (await ws.Owner.GetAsync("/api/v1/email-templates/acknowledgements")).ReadAsync<List<AcknowledgementTemplateResponse>>(HttpStatusCode.OK);
        Assert.Equal(["en", "es", "zh-Hans"], builtIn.Select(t => t.Language).Order(StringComparer.Ordinal));

        var put = await ws.Owner.PutAsJsonAsync("/api/v1/email-templates/acknowledgements/EN",
            new { subject = "Got it: {{ticket.subject}} [#{{ticket.number}}]", body = "Hi {{customer.name}}, ticket {{ticket.number}} is in." }, TestApi.Json);
        Assert.Equal("en", (await put.ReadAsync<AcknowledgementTemplateResponse>(HttpStatusCode.OK)).Language);
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<WorkspaceScope>().Enter(ws.Id);
        var acknowledgements = scope.ServiceProvider.GetRequiredService<Acknowledgements>();
        Assert.Equal("Hi {{customer.name}}, ticket {{ticket.number}} is in.", (await acknowledgements.TemplateForAsync("en-GB", CancellationToken.None)).Body);
        Assert.StartsWith("{{customer.name}}，您好", (await acknowledgements.TemplateForAsync("zh-Hans-CN", CancellationToken.None)).Body, StringComparison.Ordinal);
        Assert.StartsWith("Hola", (await acknowledgements.TemplateForAsync("es-419", CancellationToken.None)).Body, StringComparison.Ordinal);
        Assert.StartsWith("Hello", (await acknowledgements.TemplateForAsync("zh-Hant", CancellationToken.None)).Body, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await ws.Owner.DeleteAsync("/api/v1/email-templates/acknowledgements/en")).StatusCode);
        Assert.StartsWith("Hello", (await acknowledgements.TemplateForAsync("en", CancellationToken.None)).Body, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Other_features_email_a_customer_through_CustomerEmail_after_their_commit(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        using (var scope = app.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<WorkspaceScope>().Enter(ws.Id);
            var db = scope.ServiceProvider.GetRequiredService<HeliodeskDb>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await scope.ServiceProvider.GetRequiredService<CustomerEmail>().SendAsync("ana@example.com", "Your sign-in link", "Open https://help.example/s/abc");
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        await app.DeliverOutboxAsync();

        var captured = Assert.Single((await (await ws.Owner.GetAsync("/api/v1/dev-mailbox")).ReadAsync<CapturedEmailPage>(HttpStatusCode.OK)).Items);
        Assert.Equal(("ana@example.com", "Your sign-in link", OutboundPurpose.Notification), (captured.To, captured.Subject, captured.Purpose));
        var detail = await (await ws.Owner.GetAsync($"/api/v1/dev-mailbox/{captured.Id}")).ReadAsync<CapturedEmail>(HttpStatusCode.OK);
        Assert.Equal(ws.Name, detail.Headers["From"].Split('<')[0].Trim().Trim('"'));
        Assert.Equal("auto-generated", detail.Headers["Auto-Submitted"]);
    }
}
