-- Spam complaints from feedback loops (ARF, RFC 5965): when the recipient reported the mail as spam.
-- Analytics counts complaints per journey, step and variant from it; the address itself goes on the
-- suppression list with reason COMPLAINT.
ALTER TABLE deliveries ADD COLUMN complained_at TIMESTAMP WITH TIME ZONE;
