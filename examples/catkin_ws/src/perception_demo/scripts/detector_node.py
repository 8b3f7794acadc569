#!/usr/bin/env python3
"""Subscribes to camera images, classifies each with TinyDetector and publishes the label."""
import rospy
import numpy as np
import torch
from cv_bridge import CvBridge
from sensor_msgs.msg import Image
from std_msgs.msg import String

from perception_demo.model import load_model, to_tensor

try:
    # Optional: nicer progress output when it is installed.
    import coloredlogs
except ImportError:
    coloredlogs = None

LABELS = ['nothing', 'person', 'robot']


class DetectorNode(object):
    def __init__(self):
        self.bridge = CvBridge()
        self.model = load_model(len(LABELS))
        self.publisher = rospy.Publisher('detections', String, queue_size=10)
        rospy.Subscriber('camera/image_raw', Image, self.on_image, queue_size=1)

    def on_image(self, message):
        frame = self.bridge.imgmsg_to_cv2(message, desired_encoding='rgb8')
        with torch.no_grad():
            scores = self.model(to_tensor(frame))
        label = LABELS[int(np.argmax(scores.numpy()))]
        self.publisher.publish(String(data=label))


def main():
    rospy.init_node('detector')
    if coloredlogs is not None:
        coloredlogs.install()
    DetectorNode()
    rospy.spin()


if __name__ == '__main__':
    main()
