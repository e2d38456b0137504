using Heliodesk;
using Heliodesk.Common;
using Heliodesk.Components;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Channels.Email;
using Heliodesk.Features.Channels.Phone;
using Heliodesk.Features.Channels.Webhooks;
using Heliodesk.Features.Channels.Widget;
using Heliodesk.Features.Contacts;
using Heliodesk.Features.Demo;
using Heliodesk.Features.HelpCenter;
using Heliodesk.Features.Intake;
using Heliodesk.Features.Outbox;
using Heliodesk.Features.Routing;
using Heliodesk.Features.Tickets;
using Heliodesk.Features.Workspaces;
using Heliodesk.Hosting;
using Scalar.AspNetCore;

var builder = StartupArguments.CreateBuilder(args);

builder.AddHeliodeskHosting();
builder.AddHeliodeskData();
builder.AddAgents();
builder.AddWorkspaces();
builder.AddContacts();
builder.AddIntake();
builder.AddDemo();
builder.AddTickets();
builder.AddOutbox();
builder.AddPhone();
builder.AddWebhooks();
builder.AddEmail();
builder.AddRouting();
builder.AddAgentUi();
builder.AddHelpCenter();
builder.AddWidget();

var app = builder.Build();

app.UseHeliodeskPipeline();
app.UseHelpCenter();
app.UseWidget();
app.UseAgentUi();
app.MapHealthChecks("/health");
app.MapOpenApi();
app.MapScalarApiReference("/api");

var api = app.MapGroup("/api/v1").ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized);
api.MapAgentsEndpoints();
api.MapWorkspacesEndpoints();
api.MapContactsEndpoints();
api.MapTicketsEndpoints();
api.MapPhoneEndpoints();
api.MapWebhooksEndpoints();
api.MapEmailEndpoints();
api.MapRoutingEndpoints();
api.MapHelpCenterApi();
api.MapWidgetAdminApi();
app.MapAgentUi();
app.MapHelpCenterEndpoints();
app.MapWidgetEndpoints();

app.Run();

public partial class Program;
