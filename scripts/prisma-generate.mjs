// Placeholder until prisma/schema.prisma exists; replaced by the database work.
