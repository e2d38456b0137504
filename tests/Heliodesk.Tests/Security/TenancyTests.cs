using System.Net;
using System.Net.Http.Json;
using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Contacts;
using Heliodesk.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Heliodesk.Tests.Security;

/// <summary>
/// Walks every API route that takes an id, as an owner of one workspace, with the ids of another
/// workspace's data: each must answer 404, leak nothing, and change nothing. Routes are read from
/// the app itself, so a new endpoint without a probe here fails this test until someone adds one.
/// </summary>
public sealed class TenancyTests(TestDatabases databases)
{
    // A plausible body for each write route, so the request gets as far as the lookup.
    private static readonly Dictionary<string, object?> Probes = new()
    {
        ["GET /api/v1/tickets/{id:guid}"] = null,
        ["PATCH /api/v1/tickets/{id:guid}"] = new { priority = "low" },
        ["GET /api/v1/tickets/{id:guid}/messages"] = null,
        ["POST /api/v1/tickets/{id:guid}/messages"] = new { body = "probe", kind = "reply" },
        ["GET /api/v1/tickets/{id:guid}/events"] = null,
        ["GET /api/v1/attachments/{id:guid}"] = null,
        ["GET /api/v1/agents/{id:guid}"] = null,
        ["PATCH /api/v1/agents/{id:guid}"] = new { tier = 2 },
        ["POST /api/v1/agents/{id:guid}/deactivate"] = new { },
        ["POST /api/v1/agents/{id:guid}/reactivate"] = new { },
        ["GET /api/v1/teams/{id:guid}"] = null,
        ["PATCH /api/v1/teams/{id:guid}"] = new { name = "Probe" },
        ["DELETE /api/v1/teams/{id:guid}"] = null,
        ["PUT /api/v1/teams/{id:guid}/members"] = new { agentIds = Array.Empty<Guid>() },
        ["DELETE /api/v1/api-tokens/{id:guid}"] = null,
        ["GET /api/v1/contacts/{id:guid}"] = null,
        ["PATCH /api/v1/contacts/{id:guid}"] = new { name = "Probe" },
        ["DELETE /api/v1/contacts/{id:guid}"] = null,
        ["GET /api/v1/contacts/{id:guid}/tickets"] = null,
        ["POST /api/v1/contacts/{id:guid}/emails"] = new { address = "probe@example.org" },
        ["DELETE /api/v1/contacts/{id:guid}/emails/{address}"] = null,
        ["GET /api/v1/organizations/{id:guid}"] = null,
        ["PATCH /api/v1/organizations/{id:guid}"] = new { name = "Probe" },
        ["DELETE /api/v1/organizations/{id:guid}"] = null,
        ["GET /api/v1/organizations/{id:guid}/contacts"] = null,
        ["GET /api/v1/tickets/{id:guid}/calls"] = null,
        ["POST /api/v1/tickets/{id:guid}/calls"] = new { direction = "inbound", from = "+1 555 0100", durationSeconds = 60 },
        ["GET /api/v1/callbacks/{id:guid}"] = null,
        ["POST /api/v1/callbacks/{id:guid}/claim"] = new { },
        ["POST /api/v1/callbacks/{id:guid}/attempts"] = new { outcome = "reached", durationSeconds = 60 },
        ["POST /api/v1/callbacks/{id:guid}/cancel"] = new { },
        ["GET /api/v1/webhooks/{id:guid}"] = null,
        ["PATCH /api/v1/webhooks/{id:guid}"] = new { name = "Probe" },
        ["DELETE /api/v1/webhooks/{id:guid}"] = null,
        ["POST /api/v1/webhooks/{id:guid}/rotate-secret"] = new { },
        ["GET /api/v1/webhooks/{id:guid}/deliveries"] = null,
        ["POST /api/v1/webhooks/{id:guid}/deliveries/{deliveryId:guid}/redeliver"] = new { },
        ["GET /api/v1/mailboxes/{id:guid}"] = null,
        ["PUT /api/v1/mailboxes/{id:guid}"] = new { name = "Probe", address = "probe@example.org" },
        ["DELETE /api/v1/mailboxes/{id:guid}"] = null,
        ["POST /api/v1/mailboxes/{id:guid}/check"] = null,
        ["POST /api/v1/mailboxes/{id:guid}/fetch"] = null,
        ["GET /api/v1/dev-mailbox/{id:guid}"] = null,
        ["GET /api/v1/tickets/{id:guid}/emails"] = null,
        ["GET /api/v1/inbound-emails/{id:guid}/raw"] = null,
        ["PUT /api/v1/agents/{id:guid}/presence"] = new { status = "online" },
        ["GET /api/v1/queues/{id:guid}"] = null,
        ["PUT /api/v1/queues/{id:guid}"] = new { name = "Probe" },
        ["DELETE /api/v1/queues/{id:guid}"] = null,
        ["PUT /api/v1/routing-rules/{id:guid}"] = new { name = "Probe", queueId = Guid.NewGuid() },
        ["DELETE /api/v1/routing-rules/{id:guid}"] = null,
        ["GET /api/v1/tickets/{id:guid}/routing"] = null,
        ["POST /api/v1/tickets/{id:guid}/escalate"] = new { reason = "Probe", note = "Probe" },
        ["POST /api/v1/tickets/{id:guid}/deescalate"] = new { reason = "Probe" },
        ["PUT /api/v1/tickets/{id:guid}/engineering-issue"] = new { url = "https://example.org/issues/1" },
        ["GET /api/v1/agents/{id:guid}/schedule"] = null,
        ["PUT /api/v1/agents/{id:guid}/schedule"] = new { shifts = new[] { new { day = "monday", start = "09:00", end = "17:00" } } },
        ["POST /api/v1/agents/{id:guid}/schedule/swap"] = new { withAgentId = Guid.NewGuid(), date = "2026-11-09" },
        ["GET /api/v1/inbound-webhooks/{id:guid}"] = null,
        ["PATCH /api/v1/inbound-webhooks/{id:guid}"] = new { name = "Probe", active = false },
        ["POST /api/v1/inbound-webhooks/{id:guid}/rotate-secret"] = new { },
        ["GET /api/v1/tickets/{id:guid}/webhook-replies"] = null,
        ["GET /api/v1/tickets/{id:guid}/handoff"] = null,
        ["PUT /api/v1/tickets/{id:guid}/handoff-note"] = new { nextStep = "Probe" },
        ["PUT /api/v1/tickets/{id:guid}/sticky"] = new { reason = "complex" },
        ["GET /api/v1/handoff-digests/{id:guid}"] = null,
        ["GET /api/v1/queues/{id:guid}/tank"] = null,
        ["PUT /api/v1/queues/{id:guid}/tank"] = new { maxTouches = 3 },
        ["GET /api/v1/staffing/minimums/{id:guid}"] = null,
        ["PUT /api/v1/staffing/minimums/{id:guid}"] = new { rule = "weekdays 09-17 need 1 agent in EMEA" },
        ["DELETE /api/v1/staffing/minimums/{id:guid}"] = null,
        ["GET /api/v1/macros/{id:guid}"] = null,
        ["PUT /api/v1/macros/{id:guid}"] = new { name = "Probe", shared = true, bodies = new[] { new { language = "en", text = "Probe" } } },
        ["DELETE /api/v1/macros/{id:guid}"] = null,
        ["POST /api/v1/tickets/{id:guid}/macros/{macroId:guid}/apply"] = new { },
        ["POST /api/v1/tickets/{id:guid}/merge"] = new { intoTicketId = Guid.NewGuid() },
    };

    // Instance-administration routes: a workspace member is refused before any lookup happens.
    private static readonly HashSet<string> InstanceAdminOnly = ["GET /api/v1/workspaces/{id:guid}"];

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Every_id_route_answers_404_for_another_workspaces_data_and_changes_nothing(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var mine = await app.CreateWorkspaceAsync();
        var theirs = await app.CreateWorkspaceAsync();
        var secret = await ForeignDataAsync(app, theirs);
        var routes = IdRoutes(app).ToList();
        Assert.NotEmpty(routes);

        foreach (var (method, pattern) in routes)
        {
            var route = $"{method} {pattern}";
            Assert.True(Probes.TryGetValue(route, out var body) || InstanceAdminOnly.Contains(route), $"Add a tenancy probe for {route}.");
            var request = new HttpRequestMessage(new HttpMethod(method), Fill(pattern, secret));
            if (body is not null)
            {
                request.Content = JsonContent.Create(body, options: TestApi.Json);
            }
            var response = await mine.Owner.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();

            var expected = InstanceAdminOnly.Contains(route) ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound;
            Assert.True(response.StatusCode == expected, $"{route} answered {(int)response.StatusCode}: {text}");
            Assert.DoesNotContain(secret.Marker, text, StringComparison.Ordinal);
        }

        var ticket = await theirs.Owner.GetTicketAsync(secret.TicketId);
        Assert.Equal(secret.TicketVersion, ticket.Version);
        Assert.Equal(secret.Marker, ticket.Subject);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Lists_never_show_another_workspaces_data(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var mine = await app.CreateWorkspaceAsync();
        var theirs = await app.CreateWorkspaceAsync();
        var secret = await ForeignDataAsync(app, theirs);
        var lists = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/v1/", StringComparison.Ordinal) && e.RoutePattern.Parameters.Count == 0)
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => e.RoutePattern.RawText!.TrimEnd('/')).Distinct().ToList();
        Assert.Contains("/api/v1/tickets", lists);

        foreach (var path in lists)
        {
            var text = await (await mine.Owner.GetAsync(path)).Content.ReadAsStringAsync();
            Assert.DoesNotContain(secret.Marker, text, StringComparison.Ordinal);
            Assert.DoesNotContain(secret.Email, text, StringComparison.Ordinal);
        }
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_token_of_one_workspace_cannot_create_into_another(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var mine = await app.CreateWorkspaceAsync();
        var theirs = await app.CreateWorkspaceAsync();
        var secret = await ForeignDataAsync(app, theirs);

        var response = await mine.Owner.PostAsJsonAsync("/api/v1/tickets",
            new { subject = "x", body = "x", requester = new { email = "x@example.com" }, teamId = secret.TeamId, assigneeId = theirs.OwnerAgentId }, TestApi.Json);

        await response.AssertFieldErrorAsync("assigneeId");
    }

    private sealed record ForeignData(
        Guid WorkspaceId, string Marker, string Email, Guid TicketId, int TicketVersion, Guid ContactId, Guid AgentId, Guid TeamId, Guid OrganizationId,
        Guid AttachmentId, Guid TokenId, Guid CallbackId, Guid WebhookId, Guid MailboxId, Guid CapturedEmailId, Guid InboundEmailId, Guid QueueId, Guid RuleId,
        Guid InboundChannelId, Guid DigestId, Guid StaffingMinimumId, Guid MacroId);

    private static async Task<ForeignData> ForeignDataAsync(HeliodeskApplication app, TestWorkspace theirs)
    {
        var marker = "secret-" + Guid.NewGuid().ToString("N");
        var email = $"{marker}@their-customer.example";
        using var upload = new MultipartFormDataContent { { new ByteArrayContent("their file"u8.ToArray()), "file", "their.txt" } };
        var attachment = await (await theirs.Owner.PostAsync("/api/v1/attachments", upload)).ReadAsync<Features.Tickets.AttachmentResponse>(HttpStatusCode.Created);
        var ticket = await theirs.Owner.CreateTicketAsync(marker, marker, email, new { attachmentIds = new[] { attachment.Id } });

        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<WorkspaceScope>().Enter(theirs.Id);
        var db = scope.ServiceProvider.GetRequiredService<HeliodeskDb>();
        var team = new Team { WorkspaceId = theirs.Id, Name = marker };
        var organization = new Organization { WorkspaceId = theirs.Id, Name = marker };
        var queue = new Features.Routing.RoutingQueue { WorkspaceId = theirs.Id, Name = marker };
        var rule = new Features.Routing.RoutingRule { WorkspaceId = theirs.Id, Name = marker, QueueId = queue.Id, Tag = marker };
        var digest = new Features.Routing.Handoff.HandoffDigest { WorkspaceId = theirs.Id, Region = "EMEA", At = DateTimeOffset.UnixEpoch, Text = marker, Payload = "{}" };

        var minimum = new Features.Workforce.StaffingMinimum { WorkspaceId = theirs.Id, Region = "EMEA", When = marker, Agents = 1, HoursOfWeek = [9] };
        db.AddRange(team, organization, queue, rule, digest, minimum);
        await db.SaveChangesAsync();
        var token = db.ApiTokens.Single(t => t.AgentId == theirs.OwnerAgentId);
        var callback = await theirs.Owner.RequestCallbackAsync(ticket.Id, "2026-12-01T10:00", "2026-12-01T12:00");
        var webhook = await theirs.Owner.SubscribeAsync("https://hooks.example.com/" + marker, "ticket.updated");
        var (mailbox, captured, inbound) = await Email.EmailTenancy.ForeignMailAsync(app, theirs, ticket.Id, marker);
        var inboundChannel = await InboundWebhooks.InboundWebhookTestApi.CreateInboundChannelAsync(theirs.Owner);
        var macro = await theirs.Owner.CreateMacroAsync(marker, marker);
        ticket = await theirs.Owner.GetTicketAsync(ticket.Id);
        return new ForeignData(theirs.Id, marker, email, ticket.Id, ticket.Version, ticket.Requester.Id, theirs.OwnerAgentId, team.Id, organization.Id,
            attachment.Id, token.Id, callback.Id, webhook.Webhook.Id, mailbox, captured, inbound, queue.Id, rule.Id,
            inboundChannel.Channel.Id, digest.Id, minimum.Id, macro.Id);
    }

    private static IEnumerable<(string Method, string Pattern)> IdRoutes(HeliodeskApplication app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/v1/", StringComparison.Ordinal) && e.RoutePattern.Parameters.Any(p => p.Name == "id"))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (m, e.RoutePattern.RawText!)))
            .Distinct();

    // The id is the other workspace's record of whatever the route's first segment names.
    private static string Fill(string pattern, ForeignData secret)
    {
        var resource = pattern.Split('/')[3];
        var id = resource switch
        {
            "tickets" => secret.TicketId,
            "attachments" => secret.AttachmentId,
            "contacts" => secret.ContactId,
            "agents" => secret.AgentId,
            "teams" => secret.TeamId,
            "organizations" => secret.OrganizationId,
            "api-tokens" => secret.TokenId,
            "workspaces" => secret.WorkspaceId,
            "callbacks" => secret.CallbackId,
            "webhooks" => secret.WebhookId,
            "mailboxes" => secret.MailboxId,
            "dev-mailbox" => secret.CapturedEmailId,
            "inbound-emails" => secret.InboundEmailId,
            "queues" => secret.QueueId,
            "routing-rules" => secret.RuleId,
            "inbound-webhooks" => secret.InboundChannelId,
            "handoff-digests" => secret.DigestId,
            "staffing" => secret.StaffingMinimumId,
            "macros" => secret.MacroId,
            _ => throw new InvalidOperationException($"Teach TenancyTests which id fits {pattern}."),
        };
        return pattern.Replace("{id:guid}", id.ToString(), StringComparison.Ordinal).Replace("{deliveryId:guid}", secret.TicketId.ToString(), StringComparison.Ordinal).Replace("{macroId:guid}", secret.MacroId.ToString(), StringComparison.Ordinal).Replace("{address}", Uri.EscapeDataString(secret.Email), StringComparison.Ordinal);
    }
}
