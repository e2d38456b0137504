using System.Net;
using System.Net.Http.Json;
using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Channels.Email;
using Heliodesk.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Heliodesk.Tests.Email;

/// <summary>Email records of another workspace, for the tenancy walk in Security/TenancyTests.</summary>
public static class EmailTenancy
{
    public static async Task<(Guid Mailbox, Guid Captured, Guid Inbound)> ForeignMailAsync(HeliodeskApplication app, TestWorkspace theirs, Guid ticketId, string marker)
    {
        var mailbox = await (await theirs.Owner.PostAsJsonAsync("/api/v1/mailboxes", new { name = marker, address = $"{marker}@their-support.example" }, TestApi.Json))
            .ReadAsync<MailboxResponse>(HttpStatusCode.Created);
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<WorkspaceScope>().Enter(theirs.Id);
        var db = scope.ServiceProvider.GetRequiredService<HeliodeskDb>();
        var captured = new OutboundEmail
        {
            WorkspaceId = theirs.Id,
            TicketId = ticketId,
            RfcMessageId = $"{marker}@their-support.example",
            FromAddress = mailbox.Address,
            ToAddress = $"{marker}@their-customer.example",
            Subject = marker,
            Mime = $"Subject: {marker}\r\n\r\n{marker}\r\n",
            Status = OutboundStatus.Captured,
        };
        var inbound = new InboundEmail
        {
            WorkspaceId = theirs.Id,
            MailboxId = mailbox.Id,
            TicketId = ticketId,
            RfcMessageId = $"in-{marker}@their-customer.example",
            FromAddress = $"{marker}@their-customer.example",
            Subject = marker,
            RawPath = "mail/none.eml",
        };
        db.AddRange(captured, inbound);
        await db.SaveChangesAsync();
        return (mailbox.Id, captured.Id, inbound.Id);
    }
}
