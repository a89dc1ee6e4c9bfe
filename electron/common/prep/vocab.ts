// Without zod so the renderer can use it without loading the contract.

/** The usual channels a notice names; the user ticks or adds to them. */
export const NOTICE_CHANNELS = ['召开座谈会', '个别访谈', '发放征求意见表', '设置意见箱', '电话', '电子邮件、微信等网络方式'] as const;
