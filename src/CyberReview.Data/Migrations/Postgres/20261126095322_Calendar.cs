using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace CyberReview.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Calendar : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CalendarDays",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    IsOffDay = table.Column<bool>(type: "boolean", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarDays", x => x.Date);
                });

            migrationBuilder.CreateTable(
                name: "CalendarYears",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarYears", x => x.Year);
                });

            migrationBuilder.InsertData(
                table: "CalendarDays",
                columns: new[] { "Date", "IsOffDay", "Name" },
                values: new object[,]
                {
                    { new DateOnly(2025, 1, 1), true, "Public holiday" },
                    { new DateOnly(2025, 1, 26), false, "Make-up working day" },
                    { new DateOnly(2025, 1, 28), true, "Public holiday" },
                    { new DateOnly(2025, 1, 29), true, "Public holiday" },
                    { new DateOnly(2025, 1, 30), true, "Public holiday" },
                    { new DateOnly(2025, 1, 31), true, "Public holiday" },
                    { new DateOnly(2025, 2, 1), true, "Public holiday" },
                    { new DateOnly(2025, 2, 2), true, "Public holiday" },
                    { new DateOnly(2025, 2, 3), true, "Public holiday" },
                    { new DateOnly(2025, 2, 4), true, "Public holiday" },
                    { new DateOnly(2025, 2, 8), false, "Make-up working day" },
                    { new DateOnly(2025, 4, 4), true, "Public holiday" },
                    { new DateOnly(2025, 4, 5), true, "Public holiday" },
                    { new DateOnly(2025, 4, 6), true, "Public holiday" },
                    { new DateOnly(2025, 4, 27), false, "Make-up working day" },
                    { new DateOnly(2025, 5, 1), true, "Public holiday" },
                    { new DateOnly(2025, 5, 2), true, "Public holiday" },
                    { new DateOnly(2025, 5, 3), true, "Public holiday" },
                    { new DateOnly(2025, 5, 4), true, "Public holiday" },
                    { new DateOnly(2025, 5, 5), true, "Public holiday" },
                    { new DateOnly(2025, 5, 31), true, "Public holiday" },
                    { new DateOnly(2025, 6, 1), true, "Public holiday" },
                    { new DateOnly(2025, 6, 2), true, "Public holiday" },
                    { new DateOnly(2025, 9, 28), false, "Make-up working day" },
                    { new DateOnly(2025, 10, 1), true, "Public holiday" },
                    { new DateOnly(2025, 10, 2), true, "Public holiday" },
                    { new DateOnly(2025, 10, 3), true, "Public holiday" },
                    { new DateOnly(2025, 10, 4), true, "Public holiday" },
                    { new DateOnly(2025, 10, 5), true, "Public holiday" },
                    { new DateOnly(2025, 10, 6), true, "Public holiday" },
                    { new DateOnly(2025, 10, 7), true, "Public holiday" },
                    { new DateOnly(2025, 10, 8), true, "Public holiday" },
                    { new DateOnly(2025, 10, 11), false, "Make-up working day" },
                    { new DateOnly(2026, 1, 1), true, "Public holiday" },
                    { new DateOnly(2026, 1, 2), true, "Public holiday" },
                    { new DateOnly(2026, 1, 3), true, "Public holiday" },
                    { new DateOnly(2026, 1, 4), false, "Make-up working day" },
                    { new DateOnly(2026, 2, 14), false, "Make-up working day" },
                    { new DateOnly(2026, 2, 15), true, "Public holiday" },
                    { new DateOnly(2026, 2, 16), true, "Public holiday" },
                    { new DateOnly(2026, 2, 17), true, "Public holiday" },
                    { new DateOnly(2026, 2, 18), true, "Public holiday" },
                    { new DateOnly(2026, 2, 19), true, "Public holiday" },
                    { new DateOnly(2026, 2, 20), true, "Public holiday" },
                    { new DateOnly(2026, 2, 21), true, "Public holiday" },
                    { new DateOnly(2026, 2, 22), true, "Public holiday" },
                    { new DateOnly(2026, 2, 23), true, "Public holiday" },
                    { new DateOnly(2026, 2, 28), false, "Make-up working day" },
                    { new DateOnly(2026, 4, 4), true, "Public holiday" },
                    { new DateOnly(2026, 4, 5), true, "Public holiday" },
                    { new DateOnly(2026, 4, 6), true, "Public holiday" },
                    { new DateOnly(2026, 5, 1), true, "Public holiday" },
                    { new DateOnly(2026, 5, 2), true, "Public holiday" },
                    { new DateOnly(2026, 5, 3), true, "Public holiday" },
                    { new DateOnly(2026, 5, 4), true, "Public holiday" },
                    { new DateOnly(2026, 5, 5), true, "Public holiday" },
                    { new DateOnly(2026, 5, 9), false, "Make-up working day" },
                    { new DateOnly(2026, 6, 19), true, "Public holiday" },
                    { new DateOnly(2026, 6, 20), true, "Public holiday" },
                    { new DateOnly(2026, 6, 21), true, "Public holiday" },
                    { new DateOnly(2026, 9, 20), false, "Make-up working day" },
                    { new DateOnly(2026, 9, 25), true, "Public holiday" },
                    { new DateOnly(2026, 9, 26), true, "Public holiday" },
                    { new DateOnly(2026, 9, 27), true, "Public holiday" },
                    { new DateOnly(2026, 10, 1), true, "Public holiday" },
                    { new DateOnly(2026, 10, 2), true, "Public holiday" },
                    { new DateOnly(2026, 10, 3), true, "Public holiday" },
                    { new DateOnly(2026, 10, 4), true, "Public holiday" },
                    { new DateOnly(2026, 10, 5), true, "Public holiday" },
                    { new DateOnly(2026, 10, 6), true, "Public holiday" },
                    { new DateOnly(2026, 10, 7), true, "Public holiday" },
                    { new DateOnly(2026, 10, 10), false, "Make-up working day" }
                });

            migrationBuilder.InsertData(
                table: "CalendarYears",
                columns: new[] { "Year", "Source" },
                values: new object[,]
                {
                    { 2025, "State Council notice on the public holiday arrangements for 2025" },
                    { 2026, "State Council notice on the public holiday arrangements for 2026" }
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalendarDays");

            migrationBuilder.DropTable(
                name: "CalendarYears");
        }
    }
}
