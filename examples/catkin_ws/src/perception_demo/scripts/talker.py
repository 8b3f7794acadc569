#!/usr/bin/env python3
"""The classic talker: publishes a greeting ten times a second."""
import rospy
from std_msgs.msg import String


def talker():
    publisher = rospy.Publisher('chatter', String, queue_size=10)
    rospy.init_node('talker', anonymous=True)
    rate = rospy.Rate(10)
    while not rospy.is_shutdown():
        publisher.publish(String(data='hello world %s' % rospy.get_time()))
        rate.sleep()


if __name__ == '__main__':
    try:
        talker()
    except rospy.ROSInterruptException:
        pass
