using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tietosuoja.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class MailOutboxAndSubscriptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "OpeningAnnouncedAt",
                table: "Rounds",
                type: "datetime2",
                nullable: true);

            // Rounds that existed before subscriptions had nobody to tell; they count as announced.
            migrationBuilder.Sql("UPDATE Rounds SET OpeningAnnouncedAt = OpensAt");

            migrationBuilder.AddColumn<bool>(
                name: "NotifyOnHandling",
                table: "Comments",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ProtectedToken",
                table: "Comments",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BlockedAddresses",
                columns: table => new
                {
                    Address = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BlockedAddresses", x => new { x.Address, x.Reason });
                });

            migrationBuilder.CreateTable(
                name: "MailSchedules",
                columns: table => new
                {
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    LastRunAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailSchedules", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMails",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MessageId = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    SenderName = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    To = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: false),
                    Language = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(600)", maxLength: 600, nullable: false),
                    TextBody = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    HtmlBody = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    UnsubscribeUrl = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    LeaseUntil = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LeaseOwner = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    LastError = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    LastAttemptAt = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMails", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Subscriptions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Email = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: false),
                    Language = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    Topics = table.Column<int>(type: "int", nullable: false),
                    ChapterIds = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    TokenHash = table.Column<byte[]>(type: "varbinary(32)", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ConfirmedAt = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Subscriptions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMails_NextAttemptAt",
                table: "OutboxMails",
                column: "NextAttemptAt");

            migrationBuilder.CreateIndex(
                name: "IX_Subscriptions_ConfirmedAt",
                table: "Subscriptions",
                column: "ConfirmedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Subscriptions_TokenHash",
                table: "Subscriptions",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BlockedAddresses");

            migrationBuilder.DropTable(
                name: "MailSchedules");

            migrationBuilder.DropTable(
                name: "OutboxMails");

            migrationBuilder.DropTable(
                name: "Subscriptions");

            migrationBuilder.DropColumn(
                name: "OpeningAnnouncedAt",
                table: "Rounds");

            migrationBuilder.DropColumn(
                name: "NotifyOnHandling",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "ProtectedToken",
                table: "Comments");
        }
    }
}
