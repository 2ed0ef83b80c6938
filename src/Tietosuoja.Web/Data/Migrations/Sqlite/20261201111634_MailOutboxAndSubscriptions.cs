using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tietosuoja.Web.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            // Rounds that existed before subscriptions had nobody to tell; they count as announced.
            migrationBuilder.Sql("UPDATE Rounds SET OpeningAnnouncedAt = OpensAt");

            migrationBuilder.AddColumn<bool>(
                name: "NotifyOnHandling",
                table: "Comments",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ProtectedToken",
                table: "Comments",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BlockedAddresses",
                columns: table => new
                {
                    Address = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BlockedAddresses", x => new { x.Address, x.Reason });
                });

            migrationBuilder.CreateTable(
                name: "MailSchedules",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LastRunAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailSchedules", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMails",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SenderName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 600, nullable: false),
                    TextBody = table.Column<string>(type: "TEXT", nullable: false),
                    HtmlBody = table.Column<string>(type: "TEXT", nullable: false),
                    UnsubscribeUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LeaseUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LeaseOwner = table.Column<Guid>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    LastAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMails", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Subscriptions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Topics = table.Column<int>(type: "INTEGER", nullable: false),
                    ChapterIds = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    TokenHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConfirmedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
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
